package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one owner of condition semantics (Kubernetes API conventions): a condition's
 * lastTransitionTime moves only when its status changes, so that a resync which learns nothing new
 * produces an identical status and therefore no write.
 */
public final class Conditions {
  /** The condition every resource of the project has; the others are each type's own (its status class). */
  public static final String READY = "Ready";

  /** The reasons every resource of the project shares: its spec is wrong, or applying it failed. */
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String RECONCILE_FAILED = "ReconcileFailed";

  private final Clock clock;

  public Conditions(Clock clock) {
    this.clock = clock;
  }

  public static Condition of(String type, boolean status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .build();
  }

  /** A condition the operator cannot tell, e.g. because what would tell it cannot be read. */
  public static Condition unknown(String type, String reason, String message) {
    return new ConditionBuilder().withType(type).withStatus("Unknown").withReason(reason).withMessage(message).build();
  }

  /**
   * Returns {@code desired} stamped with the resource's generation, keeping each condition's
   * previous lastTransitionTime when its status did not change.
   */
  public List<Condition> merge(List<Condition> previous, List<Condition> desired, HasMetadata resource) {
    var merged = new ArrayList<Condition>();
    for (var condition : desired) {
      var stamped = new ConditionBuilder(condition)
          .withObservedGeneration(resource.getMetadata().getGeneration())
          .withLastTransitionTime(find(previous, condition.getType())
              .filter(old -> Objects.equals(old.getStatus(), condition.getStatus()))
              .map(Condition::getLastTransitionTime)
              .orElseGet(this::now))
          .build();
      merged.add(stamped);
    }
    return merged;
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  private String now() {
    // RFC 3339 with second precision, as the API server stores it.
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
