package dev.progressive.operator.remediation;

import dev.progressive.operator.api.HeldBackAgent;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.AvailabilityFloor;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A restart step over several agents rolls them one at a time: the next starts only once the previous
 * has rolled out its restart and is Ready again, and an agent whose restart would leave fewer ready
 * pods than its availability floor is not restarted. Each agent's restart is a mitigation stamped when
 * it started, so a resumed run knows which ran, and the agent reconciler rolls the pods.
 */
final class RestartRoll {
  static final String FLOOR = "AvailabilityFloor";
  private static final Duration POLL = Duration.ofSeconds(2);
  /** How long one agent may take to be Ready again before the roll stops instead of going on. */
  static final Duration PER_AGENT = Duration.ofMinutes(10);

  private RestartRoll() {}

  static StepOutcome next(IncidentRun run, List<ProgressiveAgent> targets, List<HeldBackAgent> heldBack, Instant stepStarted) {
    int last = -1;
    for (int i = 0; i < targets.size(); i++) {
      if (started(run, targets.get(i), stepStarted).isPresent()) {
        last = i;
      }
    }
    if (last >= 0) {
      var agent = targets.get(last);
      var since = Instant.parse(started(run, agent, stepStarted).orElseThrow().getSince());
      if (!rolledOut(agent, since)) {
        return waitFor(run, agent, since, last, targets);
      }
    }
    for (int i = last + 1; i < targets.size(); i++) {
      var agent = targets.get(i);
      var name = agent.getMetadata().getName();
      var decision = AvailabilityFloor.mayRestart(restart(run, agent), floor(agent));
      if (decision.allowed()) {
        run.status().getMitigations().add(new Mitigation(Mitigation.Type.restart, name, null, run.now().toString()));
        return StepOutcome.waiting(progress(agent, i, targets) + ": " + decision.reason(), POLL);
      }
      // Recorded where the run keeps the agents it leaves alone, so that the step's last word still has it.
      run.status().getHeldBack().removeIf(h -> h.getAgent().equals(name) && h.getReason().equals(FLOOR));
      run.status().getHeldBack().add(new HeldBackAgent(name, FLOOR, decision.reason()));
    }
    return done(run, targets, heldBack, stepStarted);
  }

  private static StepOutcome waitFor(IncidentRun run, ProgressiveAgent agent, Instant since, int index,
      List<ProgressiveAgent> targets) {
    var name = agent.getMetadata().getName();
    var rest = targets.subList(index + 1, targets.size()).stream().map(a -> a.getMetadata().getName()).toList();
    if (run.now().isAfter(since.plus(PER_AGENT))) {
      return StepOutcome.failed(name + " was not Ready again within " + PER_AGENT.toMinutes() + "m of its restart; the roll"
          + " stopped there" + (rest.isEmpty() ? "" : " and did not restart " + String.join(", ", rest)));
    }
    return StepOutcome.waiting(progress(agent, index, targets) + ", waiting for it to be Ready again"
        + (rest.isEmpty() ? "" : " before " + String.join(", ", rest)), POLL);
  }

  private static StepOutcome done(IncidentRun run, List<ProgressiveAgent> targets, List<HeldBackAgent> heldBack,
      Instant stepStarted) {
    var restarted = targets.stream().filter(a -> started(run, a, stepStarted).isPresent())
        .map(a -> a.getMetadata().getName()).toList();
    var held = targets.stream().filter(a -> started(run, a, stepStarted).isEmpty())
        .flatMap(a -> run.status().getHeldBack().stream()
            .filter(h -> h.getAgent().equals(a.getMetadata().getName()) && h.getReason().equals(FLOOR)))
        .map(h -> h.getAgent() + " (" + h.getMessage() + ")").toList();
    var text = (restarted.isEmpty() ? "restarted no agent" : "restarted " + String.join(", ", restarted)
        + " one at a time, each Ready again before the next")
        + (held.isEmpty() ? "" : "; not restarted: " + String.join("; ", held))
        + (heldBack.isEmpty() ? "" : "; held back: " + HeldBack.describe(heldBack));
    return restarted.isEmpty() ? StepOutcome.skipped(text) : StepOutcome.succeeded(text);
  }

  private static String progress(ProgressiveAgent agent, int index, List<ProgressiveAgent> targets) {
    return "restarting " + agent.getMetadata().getName() + " (" + (index + 1) + " of " + targets.size() + ")";
  }

  /** This step's restart of the agent: one asked no earlier than the step started. */
  private static Optional<Mitigation> started(IncidentRun run, ProgressiveAgent agent, Instant stepStarted) {
    return run.status().getMitigations().stream()
        .filter(m -> m.getType() == Mitigation.Type.restart && agent.getMetadata().getName().equals(m.getAgent()))
        .filter(m -> !Instant.parse(m.getSince()).isBefore(stepStarted))
        .findFirst();
  }

  private static boolean rolledOut(ProgressiveAgent agent, Instant since) {
    var status = agent.getStatus();
    return status != null && status.getRestartedAt() != null && !Instant.parse(status.getRestartedAt()).isBefore(since)
        && Conditions.isTrue(status.getConditions(), Conditions.READY);
  }

  private static AvailabilityFloor.Restart restart(IncidentRun run, ProgressiveAgent agent) {
    var name = agent.getMetadata().getName();
    var status = agent.getStatus();
    int ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
    var deployment = Optional.ofNullable(run.client().apps().deployments().inNamespace(run.namespace()).withName(name).get());
    int desired = deployment.map(Deployment::getSpec).map(s -> s.getReplicas()).orElse(agent.getSpec().getReplicas());
    return new AvailabilityFloor.Restart(name, ready, desired, deployment.map(d -> d.getSpec().getStrategy()).orElse(null));
  }

  /** The floor the agent's status records; before its reconciler wrote one, the least any agent has. */
  private static AvailabilityFloor floor(ProgressiveAgent agent) {
    return AvailabilityFloor.recorded(agent).orElse(AvailabilityFloor.MINIMUM);
  }
}
