package dev.progressive.operator.agent;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.api.SloStatus;
import dev.progressive.operator.cluster.PrometheusSnapshots;
import dev.progressive.operator.cluster.PrometheusSnapshots.Endpoint;
import dev.progressive.operator.common.Failures;
import dev.progressive.operator.delivery.CanaryProgress;
import dev.progressive.operator.delivery.CanaryQueries;
import dev.progressive.operator.delivery.DeliveryPlan;
import dev.progressive.operator.delivery.RolloutAnalysis;
import dev.progressive.operator.delivery.RolloutAnalysis.Answer;
import dev.progressive.operator.delivery.RolloutProgress;
import dev.progressive.operator.delivery.RolloutProgress.Seen;
import dev.progressive.operator.delivery.StepAnalysis;
import dev.progressive.operator.delivery.TemplateRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides each agent's rollout: which revision its stable pods run (the template their Deployment records), which
 * one the spec asks for, and, when a step is due, what the Prometheus that monitors the agent says of the canary.
 */
final class AgentRollouts {
  private static final Logger LOG = LoggerFactory.getLogger(AgentRollouts.class);

  /** The template the stable Deployment records, and its revision. */
  private record Recorded(String json, String revision) {}

  private final Clock clock;
  private final Optional<URI> prometheus;
  private final PrometheusSnapshots snapshots;

  /** @param prometheus the Prometheus to analyse with where the agent's stack names none */
  AgentRollouts(Clock clock, Optional<URI> prometheus, PrometheusSnapshots snapshots) {
    this.clock = clock;
    this.prometheus = prometheus;
    this.snapshots = snapshots;
  }

  /** @param agent the agent with its stack's defaults applied */
  AgentRollout decide(ProgressiveAgent agent, Optional<ObservabilityStack> stack, AgentDeployments deployments, int replicas) {
    var desired = AgentDeployment.template(agent);
    var recorded = deployments.stable().flatMap(AgentRollouts::readable);
    var status = Optional.ofNullable(agent.getStatus());
    var seen = new Seen(TemplateRevision.of(desired), recorded.map(Recorded::revision),
        status.map(ProgressiveAgentStatus::getRollout), replicas,
        status.map(ProgressiveAgentStatus::getSlo).map(SloStatus::getErrorBudgetRemaining), forced(agent),
        deployments.stableReady() > 0);
    var plan = DeliveryPlan.of(agent.getSpec());
    var decision = RolloutProgress.decide(plan, seen, clock.instant(), () -> analyse(agent, stack, plan, deployments));
    if (decision.stableTakesDesired()) {
      return new AgentRollout(decision, desired, desired, replicas, handingOver(deployments, seen));
    }
    return new AgentRollout(decision, desired, recorded.map(Recorded::json).map(AgentDeployment::templateOf).orElse(desired),
        AgentRollout.stableBesideCanary(replicas, decision.canaryPods(), deployments.canaryReady()), decision.canaryPods());
  }

  /**
   * A promoted canary keeps its pods until the stable Deployment runs its template on every replica, so that the
   * promotion takes no capacity away while the stable pods roll.
   */
  private static int handingOver(AgentDeployments deployments, Seen seen) {
    var stableDone = seen.stable().filter(seen.desired()::equals).isPresent()
        && deployments.stable().filter(AgentStatus::fullyRolledOut).isPresent();
    return stableDone ? 0 : deployments.canary().map(canary -> canary.getSpec().getReplicas()).orElse(0);
  }

  /**
   * The template the stable Deployment records, if it can be read. One edited into something else (by hand, by
   * another tool) says nothing of what the stable pods run: the stable Deployment then takes the spec's template, as
   * one from before the record did, and records it anew.
   */
  private static Optional<Recorded> readable(Deployment stable) {
    var json = AgentDeployment.recordedTemplateJson(stable);
    try {
      return json.map(template -> new Recorded(template, TemplateRevision.ofJson(template)));
    } catch (IllegalArgumentException e) {
      LOG.warn("Deployment {}/{}: annotation {} is {}; the Deployment takes the spec's template and records it again",
          stable.getMetadata().getNamespace(), stable.getMetadata().getName(), AgentDeployment.TEMPLATE_ANNOTATION,
          e.getMessage());
      return Optional.empty();
    }
  }

  private static boolean forced(ProgressiveAgent agent) {
    return Optional.ofNullable(agent.getMetadata().getAnnotations())
        .map(annotations -> annotations.get(RolloutProgress.FORCE_ANNOTATION)).filter(RolloutProgress.FORCE::equals).isPresent();
  }

  private StepAnalysis analyse(ProgressiveAgent agent, Optional<ObservabilityStack> stack, DeliveryPlan plan,
      AgentDeployments deployments) {
    var stalled = deployments.canary().flatMap(canary -> CanaryProgress.stalled(canary, clock.instant()));
    if (stalled.isPresent()) {
      return stalled.get();
    }
    var endpoint = PrometheusReport.endpoint(stack, prometheus);
    if (endpoint.isEmpty()) {
      return StepAnalysis.unavailable("no Prometheus to analyse the canary with; set the ObservabilityStack's"
          + " spec.prometheus.url, run the operator with --prometheus-url, or use spec.delivery.strategy all-at-once");
    }
    var meta = agent.getMetadata();
    var queries = CanaryQueries.forAgent(meta.getNamespace(), meta.getName(), agent.getSpec().getAgentType().id(), plan.window());
    try {
      return RolloutAnalysis.analyse(answers(endpoint.get(), plan, queries));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StepAnalysis.unavailable("interrupted while asking Prometheus " + endpoint.get().url());
    } catch (IOException | RuntimeException e) {
      return StepAnalysis.unavailable("cannot ask Prometheus " + endpoint.get().url() + ": " + Failures.oneLine(e));
    }
  }

  private ArrayList<Answer> answers(Endpoint endpoint, DeliveryPlan plan, CanaryQueries queries)
      throws IOException, InterruptedException {
    var answers = new ArrayList<Answer>();
    for (var check : RolloutAnalysis.checks(plan, queries)) {
      answers.add(new Answer(check, snapshots.query(endpoint, check.query())));
    }
    return answers;
  }
}
