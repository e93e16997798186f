package dev.progressive.operator.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
 * so no field can be left out of the comparison and its change silently not written. It also tells
 * the children the reconcile changed ({@link ChildChanges}), with what the resource now waits for.
 *
 * <p>A new resource's first Ready, when it is a normal state on the way (not True, but accepted by
 * {@code normalReady}: an agent's {@code ReplicasNotReady}), has no Event of its own: the Event of the
 * children just created says "waiting: " and the condition's message. A first Ready that is True or a
 * failure has its Event at once, and so has every later change of reason. A new agent thus has two Events
 * on its way to Ready: its children created, and {@code AllReplicasReady}.
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
  private final EventCounts counts = new EventCounts();

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
    // The children are told even when the status write fails: they were created all the same.
    try {
      recordStatus(resource, context, next);
    } finally {
      ChildChanges.report(context, resource, events(context), waiting(resource));
    }
  }

  private <R extends CustomResource<?, S>> void recordStatus(R resource, Context<R> context, S next) {
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
    var events = events(context);
    if ("True".equals(now.get().getStatus())) {
      events.normal(resource, now.get().getReason(), now.get().getMessage());
    } else {
      events.warning(resource, now.get().getReason(), now.get().getMessage());
    }
  }

  private <R extends CustomResource<?, S>> void recordReadyChange(R resource, Context<R> context, S before, S after) {
    var was = Conditions.find(before.getConditions(), Conditions.READY).map(Condition::getReason).orElse(null);
    var ready = Conditions.find(after.getConditions(), Conditions.READY);
    if (ready.isEmpty() || ready.get().getReason().equals(was) || was == null && onTheWay(ready.get())) {
      return;
    }
    var events = events(context);
    if (normalReady.test(ready.get())) {
      events.normal(resource, ready.get().getReason(), ready.get().getMessage());
    } else {
      events.warning(resource, ready.get().getReason(), ready.get().getMessage());
    }
  }

  /** The message of a Ready that is on its normal way to True, for the children's Event. */
  private Optional<String> waiting(CustomResource<?, S> resource) {
    return Optional.ofNullable(resource.getStatus()).flatMap(status -> Conditions.find(status.getConditions(), Conditions.READY))
        .filter(this::onTheWay).map(Condition::getMessage);
  }

  private boolean onTheWay(Condition ready) {
    return !"True".equals(ready.getStatus()) && normalReady.test(ready);
  }

  /** An Event on the resource besides its conditions' (a rollout's step), counted with the others. */
  public void tell(HasMetadata resource, Context<?> context, boolean warning, String reason, String message) {
    var events = events(context);
    if (warning) {
      events.warning(resource, reason, message);
    } else {
      events.normal(resource, reason, message);
    }
  }

  private EventRecorder events(Context<?> context) {
    return new EventRecorder(context.getClient(), clock, counts);
  }
}
