package dev.progressive.operator.delivery;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The checks of a rollout step, each declared once: its name in status, its query, its threshold, and whether
 * the observed value must reach the threshold (the request count that makes the others meaningful) or must not
 * exceed it.
 */
public enum CheckKind {
  REQUESTS("requests", "requests the canary served", true,
      (queries, plan) -> queries.requests(Track.CANARY),
      plan -> Optional.of((double) plan.minRequests())),
  ERROR_RATIO_INCREASE("errorRatioIncrease", "the canary's error ratio minus the stable's", false,
      (queries, plan) -> queries.errorRatioIncrease(),
      plan -> Optional.of(plan.maxErrorRatioIncrease())),
  LATENCY_P95_INCREASE("latencyP95Increase", "the canary's p95 latency minus the stable's, in seconds", false,
      (queries, plan) -> queries.latencyP95Increase(),
      plan -> Optional.of(plan.maxLatencyP95Increase())),
  // A canary that burns its budget faster than the SLO rules' fast page (14.4x) would page on its own.
  BURN_RATE("burnRate", "the canary's error budget burn rate", false,
      (queries, plan) -> queries.canaryBurnRate(plan.errorBudget().orElseThrow()),
      plan -> plan.errorBudget().map(budget -> 14.4));

  private static final MathContext SHOWN = new MathContext(4);

  private final String checkName;
  private final String meaning;
  private final boolean gate;
  private final BiFunction<CanaryQueries, DeliveryPlan, String> query;
  private final Function<DeliveryPlan, Optional<Double>> threshold;

  CheckKind(String checkName, String meaning, boolean gate, BiFunction<CanaryQueries, DeliveryPlan, String> query,
      Function<DeliveryPlan, Optional<Double>> threshold) {
    this.checkName = checkName;
    this.meaning = meaning;
    this.gate = gate;
    this.query = query;
    this.threshold = threshold;
  }

  /** The name in {@code status.rollout.checks}. */
  public String checkName() {
    return checkName;
  }

  /** What the observed value is, in words. */
  String meaning() {
    return meaning;
  }

  /** Whether this check says if there is enough data for the others: it must reach its threshold, not stay below. */
  boolean gate() {
    return gate;
  }

  /** This kind's check for a plan; empty when the plan has nothing to check it against (burnRate without an SLO). */
  Optional<Check> check(DeliveryPlan plan, CanaryQueries queries) {
    return threshold.apply(plan).map(limit -> new Check(this, query.apply(queries, plan), limit, queries.window()));
  }

  /** A value as status shows it: four significant digits, no exponent. */
  static String shown(double value) {
    return Double.isFinite(value) ? new BigDecimal(value).round(SHOWN).stripTrailingZeros().toPlainString()
        : String.valueOf(value);
  }
}
