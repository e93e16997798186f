package dev.progressive.operator.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Records what a reconciler saw in its resource's status: the conditions merged with the stored ones
 * (a transition time moves only when a status does), the status written only when it says something
 * new, and an Event each time Ready, or a condition the caller announces, changes reason. Statuses are compared as the JSON the API stores,
 * so no field can be left out of the comparison and its change silently not written.
 *
 * @param <S> the status type
 */
public final class StatusRecorder<S extends ConditionedStatus> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final Conditions conditions;
  private final Supplier<S> empty;
  private final Predicate<Condition> normalReady;
  private final Set<String> announced;

  /**
   * @param empty the status of a resource that has none yet
   * @param normalReady which Ready conditions are Normal Events (the rest are Warnings)
   */
  public StatusRecorder(Clock clock, Supplier<S> empty, Predicate<Condition> normalReady) {
    this(clock, empty, normalReady, Set.of());
  }

  /**
   * @param announced the condition types besides Ready whose change of reason is an Event too: Normal when
   *     True, Warning when False, none when Unknown (nothing is known yet to tell)
   */
  public StatusRecorder(Clock clock, Supplier<S> empty, Predicate<Condition> normalReady, Set<String> announced) {
    this.clock = clock;
    this.conditions = new Conditions(clock);
    this.empty = empty;
    this.normalReady = normalReady;
    this.announced = Set.copyOf(announced);
  }

  public <R extends CustomResource<?, S>> void record(R resource, Context<R> context, S next) {
    var previous = Optional.ofNullable(resource.getStatus()).orElseGet(empty);
    next.setConditions(conditions.merge(previous.getConditions(), next.getConditions(), resource));
    if (JSON.valueToTree(next).equals(JSON.valueToTree(previous))) {
      return;
    }
    resource.setStatus(next);
    StatusWriter.write(resource, context);
    recordReadyChange(resource, context, previous, next);
    announced.forEach(type -> recordChange(resource, context, previous, next, type));
  }

  /**
   * The status after a failed reconcile, which java-operator-sdk has logged with its stack trace and
   * retries: the status says on one line what failed ({@link Failures}).
   */
  public <R extends CustomResource<?, S>> ErrorStatusUpdateControl<R> recordFailure(R resource, Context<R> context,
      Supplier<S> next) {
    try {
      record(resource, context, next.get());
    } catch (KubernetesClientException | OperatorException conflict) {
      // The status moved on meanwhile; the retry that follows reports on the fresh copy.
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private <R extends CustomResource<?, S>> void recordChange(R resource, Context<R> context, S before, S after, String type) {
    var was = Conditions.find(before.getConditions(), type).map(Condition::getReason).orElse(null);
    var now = Conditions.find(after.getConditions(), type);
    if (now.isEmpty() || now.get().getReason().equals(was) || "Unknown".equals(now.get().getStatus())) {
      return;
    }
    var events = new EventRecorder(context.getClient(), clock);
    if ("True".equals(now.get().getStatus())) {
      events.normal(resource, now.get().getReason(), now.get().getMessage());
    } else {
      events.warning(resource, now.get().getReason(), now.get().getMessage());
    }
  }

  private <R extends CustomResource<?, S>> void recordReadyChange(R resource, Context<R> context, S before, S after) {
    var was = Conditions.find(before.getConditions(), Conditions.READY).map(Condition::getReason).orElse(null);
    var ready = Conditions.find(after.getConditions(), Conditions.READY);
    if (ready.isEmpty() || ready.get().getReason().equals(was)) {
      return;
    }
    var events = new EventRecorder(context.getClient(), clock);
    if (normalReady.test(ready.get())) {
      events.normal(resource, ready.get().getReason(), ready.get().getMessage());
    } else {
      events.warning(resource, ready.get().getReason(), ready.get().getMessage());
    }
  }
}
