package dev.progressive.operator.agent;

import dev.progressive.operator.api.Delivery;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.common.Durations;
import dev.progressive.operator.common.SpecViolation;
import dev.progressive.operator.delivery.DeliveryPlan;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks spec.delivery as the CRD schema would, for clusters that run without it: a rollout must never be
 * planned from steps, a window or thresholds its analysis cannot use.
 */
final class DeliveryValidation {
  private static final Pattern PERCENT = Pattern.compile(Delivery.STEP_PERCENT_PATTERN);

  private DeliveryValidation() {}

  static void check(ProgressiveAgentSpec spec, List<SpecViolation> violations) {
    var delivery = spec.getDelivery();
    if (delivery == null) {
      return;
    }
    checkSteps(delivery.getSteps(), violations);
    checkInterval(delivery.getInterval(), violations);
    checkWindowHoldsTwoScrapes(spec, violations);
    var minRequests = delivery.getMinRequests();
    if (minRequests != null && (minRequests < 1 || minRequests > Delivery.MAX_MIN_REQUESTS)) {
      violations.add(new SpecViolation("spec.delivery.minRequests",
          "must be from 1 to " + Delivery.MAX_MIN_REQUESTS + ", got " + minRequests));
    }
    within("spec.delivery.maxErrorRatioIncrease", delivery.getMaxErrorRatioIncrease(), 1,
        "a ratio from 0 to 1 (0.01 allows one percentage point more)", violations);
    within("spec.delivery.maxLatencyP95Increase", delivery.getMaxLatencyP95Increase(), Delivery.MAX_LATENCY_INCREASE_SECONDS,
        "seconds from 0 to " + Delivery.MAX_LATENCY_INCREASE_SECONDS, violations);
  }

  private static void checkSteps(List<IntOrString> steps, List<SpecViolation> violations) {
    if (steps == null) {
      return;
    }
    if (steps.isEmpty() || steps.size() > Delivery.MAX_STEPS) {
      violations.add(new SpecViolation("spec.delivery.steps", "must list 1 to " + Delivery.MAX_STEPS
          + " steps, e.g. [1, \"50%\", \"100%\"], got " + steps.size()));
    }
    for (int i = 0; i < steps.size(); i++) {
      if (!isStep(steps.get(i))) {
        violations.add(new SpecViolation("spec.delivery.steps[" + i + "]", "'" + shown(steps.get(i))
            + "' is neither a pod count from 1 to " + Delivery.MAX_STEP_PODS + " nor a percentage from 1% to 100%"));
      }
    }
  }

  private static boolean isStep(IntOrString step) {
    if (step == null) {
      return false;
    }
    if (step.getIntVal() != null) {
      return step.getIntVal() >= 1 && step.getIntVal() <= Delivery.MAX_STEP_PODS;
    }
    return step.getStrVal() != null && PERCENT.matcher(step.getStrVal()).matches();
  }

  private static String shown(IntOrString step) {
    return step == null ? "null" : step.getIntVal() != null ? step.getIntVal().toString() : step.getStrVal();
  }

  private static void checkInterval(String interval, List<SpecViolation> violations) {
    var field = "spec.delivery.interval";
    var violation = Durations.violation(interval, field);
    if (violation.isPresent()) {
      violations.add(violation.get());
    } else if (interval != null && Durations.parse(interval, field).isZero()) {
      violations.add(new SpecViolation(field, "must be longer than 0, e.g. 2m"));
    }
  }

  /**
   * A canary's rates need two samples of each series within the window, so a window shorter than two scrapes would
   * hold every step for ever on a metric that seems missing; one that an invalid field already fails is not judged.
   */
  private static void checkWindowHoldsTwoScrapes(ProgressiveAgentSpec spec, List<SpecViolation> violations) {
    var interval = Optional.ofNullable(spec.getDelivery().getInterval());
    var scrape = Monitoring.scrapeIntervalOf(spec.getMonitoring());
    var window = interval.flatMap(Durations::tryParse);
    var twoScrapes = Durations.tryParse(scrape).map(each -> each.multipliedBy(2));
    if (window.isEmpty() || twoScrapes.isEmpty() || DeliveryPlan.strategy(spec) != Delivery.Strategy.CANARY) {
      return;
    }
    if (window.get().compareTo(twoScrapes.get()) < 0) {
      violations.add(new SpecViolation("spec.delivery.interval", "'" + interval.get() + "' is shorter than two scrapes"
          + " (spec.monitoring.scrapeInterval " + scrape + "), so a step's window could hold no rate to analyse; use at"
          + " least " + twoScrapes.get().toSeconds() + "s, or scrape more often"));
    }
  }

  private static void within(String field, Double value, double maximum, String what, List<SpecViolation> violations) {
    if (value != null && (value.isNaN() || value < 0 || value > maximum)) {
      violations.add(new SpecViolation(field, "must be " + what + ", got " + value));
    }
  }
}
