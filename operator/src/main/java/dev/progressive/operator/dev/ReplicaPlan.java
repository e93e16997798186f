package dev.progressive.operator.dev;

import java.util.ArrayList;
import java.util.List;

/**
 * What a ReplicaSet would do to a Deployment's replicas, as a pure decision: stop those of an older
 * template (a template change replaces them all at once) and those beyond {@code wanted}, and start as
 * many as are missing.
 *
 * @param stop the replicas to stop, in the order to stop them
 * @param start how many replicas of the current template to start
 */
record ReplicaPlan(List<AgentReplica> stop, int start) {

  /** {@code mayStart} is false while the Deployment backs off after a crash. */
  static ReplicaPlan of(List<AgentReplica> running, String templateHash, int wanted, boolean mayStart) {
    var stop = new ArrayList<>(running.stream().filter(r -> !r.templateHash.equals(templateHash)).toList());
    var kept = new ArrayList<>(running.stream().filter(r -> r.templateHash.equals(templateHash)).toList());
    while (kept.size() > wanted) {
      // An unready replica goes first, then the newest.
      var victim = kept.stream().filter(r -> !r.ready).findFirst().orElse(kept.getLast());
      kept.remove(victim);
      stop.add(victim);
    }
    return new ReplicaPlan(List.copyOf(stop), mayStart ? wanted - kept.size() : 0);
  }
}
