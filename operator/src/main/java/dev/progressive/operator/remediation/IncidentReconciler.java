package dev.progressive.operator.remediation;

import dev.progressive.operator.agent.ProgressiveAgent;
import dev.progressive.operator.common.StatusWriter;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Drives an Incident through Detected, Mitigating, Verifying and Resolved or Escalated (or
 * Suppressed), one transition per reconcile, recording each in the Incident's status, which is the
 * only state: a restarted operator resumes where the record stops and repeats nothing.
 */
@ControllerConfiguration(name = IncidentReconciler.NAME)
public class IncidentReconciler implements Reconciler<Incident> {
  public static final String NAME = "incident";

  private final Clock clock;
  private final RemediationSettings settings;
  private final RemediationMetrics metrics;
  private final PlaybookRun playbookRun;
  private final IncidentAftermath aftermath;
  private InformerEventSource<ProgressiveAgent, Incident> agents;
  private InformerEventSource<RemediationPlaybook, Incident> playbooks;

  public IncidentReconciler(Clock clock, RemediationSettings settings, MeterRegistry registry) {
    this.clock = clock;
    this.settings = settings;
    this.metrics = new RemediationMetrics(registry);
    this.playbookRun = new PlaybookRun(settings, metrics);
    this.aftermath = new IncidentAftermath(settings);
  }

  @Override
  public List<EventSource<?, Incident>> prepareEventSources(EventSourceContext<Incident> context) {
    // Read through caches only; Incidents poll for what they wait on, so no mapping back is needed.
    agents = new InformerEventSource<>(InformerEventSourceConfiguration.from(ProgressiveAgent.class, Incident.class)
        .withSecondaryToPrimaryMapper(agent -> Set.of()).build(), context);
    playbooks = new InformerEventSource<>(InformerEventSourceConfiguration.from(RemediationPlaybook.class, Incident.class)
        .withSecondaryToPrimaryMapper(playbook -> Set.of()).build(), context);
    return List.of(agents, playbooks);
  }

  @Override
  public UpdateControl<Incident> reconcile(Incident incident, Context<Incident> context) {
    if (incident.getStatus() == null) {
      incident.setStatus(new IncidentStatus());
    }
    var namespace = incident.getMetadata().getNamespace();
    var inNamespace = agents.list(namespace, a -> true).toList();
    var phase = incident.getStatus().getPhase();
    if (UnreadableIncident.applies(incident)) {
      return apply(incident, context, UnreadableIncident.handle(
          new IncidentRun(incident, null, inNamespace, clock.instant(), context.getClient())));
    }
    if (phase == null || phase == IncidentPhase.Detected) {
      var run = new IncidentRun(incident, null, inNamespace, clock.instant(), context.getClient());
      return apply(incident, context, detect(run, context));
    }
    var playbook = playbooks.list(p -> PlaybookMatcher.key(p).equals(incident.getStatus().getPlaybook())).findFirst();
    var run = new IncidentRun(incident, playbook.orElse(null), inNamespace, clock.instant(), context.getClient());
    return apply(incident, context, phase.isFinal()
        ? aftermath.handle(run, context.getPrimaryCache().list(namespace).toList())
        : playbookRun.advance(run));
  }

  /** Records the status, if it changed, before anything acts on it, then schedules the next look. */
  private static UpdateControl<Incident> apply(Incident incident, Context<Incident> context, Transition transition) {
    if (transition.statusChanged()) {
      StatusWriter.write(incident, context);
    }
    var control = UpdateControl.<Incident>noUpdate();
    return transition.lookAgainIn().map(control::rescheduleAfter).orElse(control);
  }

  private Transition detect(IncidentRun run, Context<Incident> context) {
    var decision = Detection.decide(run, playbooks.list().toList(), context.getPrimaryCache().list().toList(), settings.dryRun());
    var status = run.status();
    status.setTarget(decision.target());
    status.setPlaybook(decision.playbook().map(PlaybookMatcher::key).orElse(null));
    status.setReason(decision.reason());
    status.setMessage(decision.message());
    if (decision.suppressed()) {
      status.setPhase(IncidentPhase.Suppressed);
      status.setDryRun(GuardrailCheck.DRY_RUN.equals(decision.reason()) ? true : null);
      status.setFinishedAt(run.now().toString());
      decision.playbook().filter(p -> Boolean.TRUE.equals(status.getDryRun()))
          .ifPresent(p -> playbookRun.recordDryRun(new IncidentRun(run.incident(), p, run.agents(), run.now(), run.client())));
      run.events().once(run.incident(), "suppressed", false, "IncidentSuppressed", decision.message());
    } else {
      status.setPhase(IncidentPhase.Mitigating);
      status.setStartedAt(run.now().toString());
    }
    metrics.entered(status.getPhase());
    return Transition.onward();
  }
}
