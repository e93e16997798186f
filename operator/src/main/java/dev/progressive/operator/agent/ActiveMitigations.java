package dev.progressive.operator.agent;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.api.Scaling;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What open Incidents currently ask of one agent. Remediation never edits an agent's children
 * itself: it records mitigations on its Incidents, and the agent reconciler folds them in here.
 */
public record ActiveMitigations(List<Held> active, Optional<String> lastRestart) {
  public static final ActiveMitigations NONE = new ActiveMitigations(List.of(), Optional.empty());

  /** A mitigation and the Incident that holds it. */
  public record Held(String incident, Mitigation mitigation) {
    public String describe() {
      return mitigation.getType().held(mitigation.getReplicas()) + " (Incident " + incident + ")";
    }
  }

  public static ActiveMitigations of(ProgressiveAgent agent, Collection<Incident> incidents) {
    var name = agent.getMetadata().getName();
    var namespace = agent.getMetadata().getNamespace();
    var forAgent = incidents.stream()
        .filter(i -> namespace.equals(i.getMetadata().getNamespace()) && i.getStatus() != null)
        .flatMap(i -> i.getStatus().getMitigations().stream().map(m -> new Held(i.getMetadata().getName(), m)))
        // A mitigation of a kind this operator does not know (written by a newer one) is left to it.
        .filter(held -> name.equals(held.mitigation().getAgent()) && held.mitigation().getType() != null)
        .toList();
    // A restart is done once its stamp is in the pod template: it stays there, active or not.
    var lastRestart = forAgent.stream().map(Held::mitigation).filter(m -> m.getType() == Mitigation.Type.restart)
        .map(Mitigation::getSince).max(Comparator.naturalOrder());
    var active = forAgent.stream()
        .filter(held -> held.mitigation().isActive() && held.mitigation().getType() != Mitigation.Type.restart)
        .sorted(Comparator.comparing(Held::incident).thenComparing(held -> held.mitigation().getType()))
        .toList();
    return new ActiveMitigations(active, lastRestart);
  }

  /** Keeps a restart stamp the pod template already carries, so that no later change rolls the pods again. */
  public ActiveMitigations keepingRestart(Optional<String> stamped) {
    var latest = Stream.concat(lastRestart.stream(), stamped.stream()).max(Comparator.naturalOrder());
    return new ActiveMitigations(active, latest);
  }

  /** The replicas to run: the spec's, raised by scale mitigations, never above scaling.maxReplicas. */
  public int replicas(ProgressiveAgentSpec spec) {
    int asked = mitigations(Mitigation.Type.scale).filter(m -> m.getReplicas() != null)
        .mapToInt(Mitigation::getReplicas).max().orElse(0);
    int ceiling = Optional.ofNullable(spec.getScaling()).map(Scaling::getMaxReplicas).orElse(Scaling.DEFAULT_MAX);
    return Math.max(spec.getReplicas(), Math.min(asked, ceiling));
  }

  public boolean breakerOpen() {
    return mitigations(Mitigation.Type.circuitBreaker).findAny().isPresent();
  }

  public boolean quarantine() {
    return mitigations(Mitigation.Type.quarantine).findAny().isPresent();
  }

  public List<String> describe() {
    return active.stream().map(Held::describe).toList();
  }

  private Stream<Mitigation> mitigations(Mitigation.Type type) {
    return active.stream().map(Held::mitigation).filter(m -> m.getType() == type);
  }
}
