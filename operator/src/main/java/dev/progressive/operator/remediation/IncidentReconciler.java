package dev.progressive.operator.remediation;

import dev.progressive.operator.api.HeldBackAgent;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.IncidentStatus;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.PlaybookSnapshot;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.cluster.NamespaceStack;
import dev.progressive.operator.common.StatusWriter;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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
  private InformerEventSource<Namespace, Incident> pausedNamespaces;

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
    // A kill switch, on a stack or a Namespace, reaches the open Incidents of its namespace at once,
    // paused or resumed. Only paused Namespaces are cached: taking the label off reads as their removal.
    var stacks = new InformerEventSource<>(InformerEventSourceConfiguration.from(ObservabilityStack.class, Incident.class)
        .withSecondaryToPrimaryMapper(stack -> openIncidents(context, stack.getMetadata().getNamespace())).build(), context);
    pausedNamespaces = new InformerEventSource<>(InformerEventSourceConfiguration.from(Namespace.class, Incident.class)
        .withNamespaces(Constants.WATCH_ALL_NAMESPACE_SET)
        .withLabelSelector(RemediationPause.NAMESPACE_PAUSED)
        .withSecondaryToPrimaryMapper(namespace -> openIncidents(context, namespace.getMetadata().getName())).build(), context);
    return List.of(agents, playbooks, stacks, pausedNamespaces);
  }

  private static Set<ResourceID> openIncidents(EventSourceContext<Incident> context, String namespace) {
    return context.getPrimaryCache().list(namespace)
        .filter(i -> i.getStatus() != null && i.getStatus().getPhase() != null && !i.getStatus().getPhase().isFinal())
        .map(ResourceID::fromResource).collect(Collectors.toSet());
  }

  @Override
  public UpdateControl<Incident> reconcile(Incident incident, Context<Incident> context) {
    if (incident.getStatus() == null) {
      incident.setStatus(new IncidentStatus());
    }
    var namespace = incident.getMetadata().getNamespace();
    var inNamespace = agents.list(namespace, a -> true).toList();
    var phase = incident.getStatus().getPhase();
    var run = new IncidentRun(incident, inNamespace, clock.instant(), context.getClient());
    boolean deciding = phase == null || phase == IncidentPhase.Detected;
    Transition transition;
    if (UnreadableIncident.applies(incident)) {
      transition = UnreadableIncident.handle(run);
    } else if (deciding) {
      transition = detect(run, context);
    } else {
      transition = LegacyRun.needsCopy(incident.getStatus()) ? adopt(run, context) : next(run, context);
    }
    transition = goOnWhileOnlyRecording(run, context, transition);
    var control = apply(incident, context, transition);
    run.tellAnnounced();
    if (transition.statusChanged() && incident.getStatus().getPhase() != phase) {
      // Counted once the phase is stored, whichever step set it: a phase passed through within one write is not.
      metrics.entered(incident.getStatus().getPhase());
    }
    boolean ended = (phase == null || !phase.isFinal()) && incident.getStatus().getPhase().isFinal();
    if (ended && incident.getStatus().getStartedAt() != null) {
      // Recorded first: a run that ends gives its agents back only once its end is in the API. A run that
      // never started gave them back when it was held back.
      claims(context).releaseAll(incident);
    }
    return control;
  }

  private Transition next(IncidentRun run, Context<Incident> context) {
    if (run.status().getPhase().isFinal()) {
      return aftermath.handle(run, () -> context.getPrimaryCache().list(run.namespace()));
    }
    var paused = RemediationPause.why(settings, pausedNamespaces.get(new ResourceID(run.namespace())),
        NamespaceStack.of(context, run.namespace()));
    if (paused.isPresent()) {
      return RemediationPause.hold(run, paused.get());
    }
    boolean resumed = RemediationPause.resume(run);
    var transition = playbookRun.advance(run, () -> context.getPrimaryCache().list(run.namespace()));
    return resumed ? transition.recordingStatus() : transition;
  }

  /**
   * Takes the run's next transitions in this reconcile while they only record, so that a run that
   * starts with mitigations reaches the API, and the agents' reconcilers, in one status write.
   */
  private Transition goOnWhileOnlyRecording(IncidentRun run, Context<Incident> context, Transition first) {
    var transition = first;
    int bound = run.plan().map(plan -> 2 * plan.getSteps().size() + 1).orElse(0);
    for (int taken = 0; transition.goesOnAtOnce() && !run.status().getPhase().isFinal() && taken < bound; taken++) {
      transition = transition.then(next(run, context));
    }
    return transition;
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
    var claims = claims(context);
    var decision = Detection.decide(run, playbooks.list().toList(), claims, () -> incidents(context), settings.dryRun());
    var status = run.status();
    status.setTarget(decision.target());
    status.setPlaybook(decision.playbook().map(PlaybookMatcher::key).orElse(null));
    status.setReason(decision.reason());
    status.setMessage(decision.message());
    status.setHeldBack(decision.heldBack());
    if (decision.suppressed()) {
      holdBack(run, decision, context);
    } else {
      // The run is fixed here: from now on it follows this copy, whatever becomes of the playbook.
      status.setRun(PlaybookSnapshot.of(decision.playbook().orElseThrow()));
      status.setAgents(decision.agents());
      status.setPhase(IncidentPhase.Mitigating);
      status.setStartedAt(run.now().toString());
    }
    if (decision.suppressed() && decision.claimed()) {
      claims.releaseAll(run.incident());
    } else if (!decision.suppressed()) {
      claims.release(run.incident(), decision.heldBack().stream()
          .filter(h -> !Detection.RESOURCE_BUSY.equals(h.getReason())).map(HeldBackAgent::getAgent).toList());
    }
    return decision.suppressed() ? Transition.onward() : Transition.onwardInTheSameWrite();
  }

  /**
   * Ends a run that acts on nothing: Suppressed, or Escalated when what holds it back is a playbook that
   * did not help the agent before (people must look, not a further alert). A dry run records its steps.
   */
  private void holdBack(IncidentRun run, Detection.Decision decision, Context<Incident> context) {
    var status = run.status();
    boolean escalated = GuardrailCheck.INEFFECTIVE.equals(decision.reason());
    status.setPhase(escalated ? IncidentPhase.Escalated : IncidentPhase.Suppressed);
    status.setDryRun(GuardrailCheck.DRY_RUN.equals(decision.reason()) ? true : null);
    status.setFinishedAt(run.now().toString());
    decision.playbook().filter(p -> Boolean.TRUE.equals(status.getDryRun())).ifPresent(p -> {
      status.setRun(PlaybookSnapshot.of(p));
      status.setAgents(decision.agents());
      playbookRun.recordDryRun(run, () -> context.getPrimaryCache().list(run.namespace()));
    });
    run.announce(status.getPhase().name().toLowerCase(Locale.ROOT), escalated,
        "Incident" + status.getPhase().name(), decision.message());
  }

  private static AgentClaims claims(Context<Incident> context) {
    return new AgentClaims(context.getClient(), id -> context.getPrimaryCache().get(id));
  }

  /**
   * The Incidents as this operator last wrote or saw them: the cache, with each one's latest status
   * write laid over it (a status write puts its answer in the controller's cache at once, before the
   * watch brings it). Only the leader writes Incidents' status, and its cache began with a full list
   * when it took the lead; so under the claim the counts miss no run that acted on the agent, since the
   * run that held the claim recorded its end before it gave the claim back. A read of the namespace
   * instead would cost a request as large as its Incidents for every alert, most of all in a storm.
   */
  private static List<Incident> incidents(Context<Incident> context) {
    var cache = context.getPrimaryCache();
    return cache.list().map(incident -> cache.get(ResourceID.fromResource(incident)).orElse(incident)).toList();
  }

  /**
   * Gives a run an earlier version started its copy of the playbook, or escalates it. A finished run
   * without one (its playbook is gone) withdraws its mitigations after the default revertAfter.
   */
  private Transition adopt(IncidentRun run, Context<Incident> context) {
    var status = run.status();
    var live = playbooks.list(p -> PlaybookMatcher.key(p).equals(status.getPlaybook())).findFirst();
    var adoption = LegacyRun.adopt(status, live);
    if (adoption.copy().isEmpty()) {
      return status.getPhase().isFinal() ? next(run, context)
          : playbookRun.escalate(run, adoption.reason(), adoption.message());
    }
    status.setRun(adoption.copy().get());
    // Recorded with this reconcile's transition, not in a write of its own: an API server that still
    // serves the old CRD drops the field, and a write of its own would then repeat at once, for ever.
    return next(run, context).recordingStatus();
  }
}
