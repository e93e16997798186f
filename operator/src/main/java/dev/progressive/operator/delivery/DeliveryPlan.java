package dev.progressive.operator.delivery;

import dev.progressive.operator.api.Delivery;
import dev.progressive.operator.api.Delivery.Strategy;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.common.Durations;
import dev.progressive.operator.monitoring.SloTarget;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code spec.delivery} asks for, every default filled in: also for a resource the API server did not
 * default (one applied before the field existed, or read from a file by {@code render}).
 *
 * @param steps the canary's shares as written, ending with the promotion ({@code 100%}): one is added when
 *     the spec has none, and steps after the first promotion are dropped, as they would never run
 * @param window {@code interval} as written, which PromQL reads as a range, e.g. {@code 2m}
 * @param errorBudget the share of requests the SLO allows to fail; empty without {@code spec.monitoring.slo}
 */
public record DeliveryPlan(Strategy strategy, List<IntOrString> steps, Duration interval, String window,
    int minRequests, double maxErrorRatioIncrease, double maxLatencyP95Increase, Optional<BigDecimal> errorBudget) {

  private static final String PROMOTION = "100%";

  /** One step of a rollout: its position in {@link #steps()}, the pods that run the new template, and whether it promotes. */
  public record CanaryStep(int index, int canaryPods, boolean promotion) {}

  public DeliveryPlan {
    steps = List.copyOf(steps);
  }

  public static DeliveryPlan of(ProgressiveAgentSpec spec) {
    Delivery defaults = new Delivery();
    Delivery delivery = Optional.ofNullable(spec.getDelivery()).orElse(defaults);
    var slo = Optional.ofNullable(spec.getMonitoring()).map(Monitoring::getSlo);
    List<IntOrString> steps = delivery.getSteps() == null || delivery.getSteps().isEmpty()
        ? defaults.getSteps() : delivery.getSteps();
    String window = spec.getDelivery() == null ? defaultWindow(spec) : value(delivery, defaults, Delivery::getInterval);
    return new DeliveryPlan(strategy(spec), endingWithPromotion(steps), Durations.parse(window, "spec.delivery.interval"),
        window, value(delivery, defaults, Delivery::getMinRequests),
        value(delivery, defaults, Delivery::getMaxErrorRatioIncrease),
        value(delivery, defaults, Delivery::getMaxLatencyP95Increase),
        slo.map(objective -> SloTarget.errorBudget(objective.getAvailability())));
  }

  /** The strategy the spec asks for: canary by default where an SLO can judge the canary, else all at once. */
  public static Strategy strategy(ProgressiveAgentSpec spec) {
    var slo = Optional.ofNullable(spec.getMonitoring()).map(Monitoring::getSlo);
    return Optional.ofNullable(spec.getDelivery()).map(Delivery::getStrategy)
        .orElse(slo.isPresent() ? Strategy.CANARY : Strategy.ALL_AT_ONCE);
  }

  /**
   * The steps of a rollout to {@code replicas} pods. While a step is analysed the canary runs at least 1 pod and at
   * most {@code replicas - 1}: the stable pods keep serving, so a bad version never takes all the traffic and the
   * analysis always has a baseline. With 1 replica, the canary's pod runs beside the stable one. The promotion is
   * not analysed (no stable pod would be left to compare with): the stable Deployment takes the new template.
   * All at once, or with no replicas (nothing serves, so nothing can be measured), the promotion is the only step.
   */
  public List<CanaryStep> steps(int replicas) {
    if (strategy == Strategy.ALL_AT_ONCE || replicas < 1) {
      return List.of(new CanaryStep(0, replicas, true));
    }
    List<CanaryStep> plan = new ArrayList<>();
    for (int index = 0; index < steps.size(); index++) {
      IntOrString step = steps.get(index);
      boolean promotion = isPromotion(step);
      plan.add(new CanaryStep(index, promotion ? replicas : canaryPods(step, replicas), promotion));
    }
    return plan;
  }

  private static int canaryPods(IntOrString step, int replicas) {
    int wanted = step.getIntVal() != null ? step.getIntVal() : percentOf(step.getStrVal(), replicas);
    return Math.max(1, Math.min(wanted, replicas - 1));
  }

  /** A percentage of the replicas, rounded up as Kubernetes rounds maxSurge. */
  private static int percentOf(String percent, int replicas) {
    if (percent == null || !percent.matches("\\d{1,3}%")) {
      throw new IllegalArgumentException("spec.delivery.steps: '" + percent + "' is neither a pod count nor a percentage");
    }
    int share = Integer.parseInt(percent.substring(0, percent.length() - 1));
    return (share * replicas + 99) / 100;
  }

  private static boolean isPromotion(IntOrString step) {
    return PROMOTION.equals(step.getStrVal());
  }

  private static List<IntOrString> endingWithPromotion(List<IntOrString> steps) {
    List<IntOrString> upToPromotion = new ArrayList<>();
    for (IntOrString step : steps) {
      upToPromotion.add(step);
      if (isPromotion(step)) {
        return upToPromotion;
      }
    }
    upToPromotion.add(new IntOrString(PROMOTION));
    return upToPromotion;
  }

  /**
   * With no spec.delivery (an SLO makes the strategy canary), the default interval, or two scrapes where that is
   * longer: a window needs two samples of a series for its rate. A spec.delivery that asks for less is refused.
   */
  private static String defaultWindow(ProgressiveAgentSpec spec) {
    var interval = new Delivery().getInterval();
    var twoScrapes = Durations.tryParse(Monitoring.scrapeIntervalOf(spec.getMonitoring())).map(each -> each.multipliedBy(2));
    return twoScrapes.filter(two -> two.compareTo(Durations.parse(interval, "interval")) > 0)
        .map(two -> two.toSeconds() + "s").orElse(interval);
  }

  /** A field the API server may have left out: the spec's value, else the CRD's default. */
  private static <T> T value(Delivery delivery, Delivery defaults, Function<Delivery, T> field) {
    return Optional.ofNullable(field.apply(delivery)).orElseGet(() -> field.apply(defaults));
  }
}
