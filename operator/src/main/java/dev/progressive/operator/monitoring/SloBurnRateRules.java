package dev.progressive.operator.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Multi-window, multi-burn-rate alerts for one {@link SloTarget}, as in the Google SRE workbook
 * ("Alerting on SLOs"): page when the budget burns 14.4x over 1h and 5m or 6x over 6h and 30m;
 * open a ticket at 3x over 1d and 2h or 1x over 3d and 6h. The long window makes an alert
 * significant, the short one lets it resolve soon after the burning stops.
 *
 * <p>Recording rules hold the bad-request ratio for each window; alerts read only those. The
 * latency objective counts a request as bad when it is slower than the threshold, read from the
 * histogram bucket whose {@code le} equals it, and allows 5% of requests to be bad (a p95).
 */
public final class SloBurnRateRules {

  public static final String ERROR_RATIO = "slo:agent_request_errors:ratio_rate";
  public static final String SLOW_RATIO = "slo:agent_request_slow:ratio_rate";

  /**
   * The window the error budget is spent over: the SRE workbook's 30 days, which its burn rates assume
   * (14.4 over 1h spends 2% of it). Only the error ratio is kept over it: the agent's status shows
   * that budget, and no alert reads either ratio over it.
   */
  public static final String BUDGET_WINDOW = "30d";
  private static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d");
  private static final List<BurnRate> PAGE = List.of(
      new BurnRate("14.4", "1h", "5m"), new BurnRate("6", "6h", "30m"));
  private static final List<BurnRate> TICKET = List.of(
      new BurnRate("3", "1d", "2h"), new BurnRate("1", "3d", "6h"));
  private static final BigDecimal LATENCY_BUDGET = new BigDecimal("0.05");

  private SloBurnRateRules() {}

  /** A burn rate and the long and short windows over which the bad ratio must exceed it. */
  private record BurnRate(String factor, String longWindow, String shortWindow) {}

  /**
   * One objective's alerts: the {@code ratio} of bad requests recorded per window, the share of
   * requests allowed to be bad, and how the annotations name them.
   */
  private record Objective(String alert, String ratio, BigDecimal budget, String sla, String bad, String goal) {}

  /** Recording rules first: a group evaluates its rules in order, so alerts read this round's ratios. */
  public static RuleGroup group(SloTarget slo) {
    List<Rule> rules = new ArrayList<>();
    Stream.concat(WINDOWS.stream(), Stream.of(BUDGET_WINDOW)).forEach(window -> rules.add(
        Rule.recording(ERROR_RATIO + window, errorRatio(slo, window), Map.of("slo", slo.name()))));
    if (slo.latencyP95() != null) {
      WINDOWS.forEach(window -> rules.add(Rule.recording(SLOW_RATIO + window, slowRatio(slo, window),
          Map.of("slo", slo.name()))));
    }
    rules.addAll(alerts(slo, new Objective("ErrorBudgetBurn", ERROR_RATIO, slo.errorBudget(), "availability",
        "error ratio", Numbers.plain(slo.availability()) + "% availability")));
    if (slo.latencyP95() != null) {
      String threshold = Numbers.plain(slo.latencyP95()) + "s";
      rules.addAll(alerts(slo, new Objective("LatencyBudgetBurn", SLOW_RATIO, LATENCY_BUDGET, "performance",
          "share of requests slower than " + threshold, "95% of requests within " + threshold)));
    }
    return new RuleGroup("slo." + slo.name() + ".rules", "30s", rules);
  }

  private static String errorRatio(SloTarget slo, String window) {
    return errorRatio(SeriesSelector.of(MetricContract.REQUESTS).eq(slo.selector()), slo.selector().keySet(), window);
  }

  /**
   * The share of the {@code requests} answered with a 5xx over the window, summed by the labels {@code by}.
   * Requests that never saw a 5xx have no such series: their ratio is 0, not absent.
   */
  public static String errorRatio(SeriesSelector requests, Set<String> by, String window) {
    String all = sumRate(by, requests, window);
    return "(" + sumRate(by, requests.matches("status_code", "5.."), window) + " or " + all + " * 0) / " + all;
  }

  private static String slowRatio(SloTarget slo, String window) {
    SeriesSelector fast = SeriesSelector.of(MetricContract.REQUEST_DURATION + "_bucket").eq(slo.selector())
        .matches("le", bucketBound(slo.latencyP95()));
    SeriesSelector all = SeriesSelector.of(MetricContract.REQUEST_DURATION + "_count").eq(slo.selector());
    return "1 - (" + sumRate(slo, fast, window) + " / " + sumRate(slo, all, window) + ")";
  }

  private static String sumRate(SloTarget slo, SeriesSelector series, String window) {
    return sumRate(slo.selector().keySet(), series, window);
  }

  private static String sumRate(Set<String> by, SeriesSelector series, String window) {
    return "sum by (" + String.join(", ", new TreeSet<>(by)) + ") (rate(" + series + "[" + window + "]))";
  }

  /**
   * The {@code le} value of a bound however the exporter prints it: client libraries differ on
   * {@code 2} or {@code 2.0}, and Prometheus 3 rewrites integers as {@code 2.0}.
   */
  private static String bucketBound(BigDecimal bound) {
    String plain = Numbers.plain(bound);
    return plain.contains(".") ? plain.replace(".", "\\.") + "0*" : plain + "(\\.0+)?";
  }

  private static List<Rule> alerts(SloTarget slo, Objective objective) {
    return List.of(
        alert(slo, objective, PAGE, "critical", "fast"),
        alert(slo, objective, TICKET, "warning", "slowly"));
  }

  private static Rule alert(SloTarget slo, Objective objective, List<BurnRate> burnRates, String severity,
      String speed) {
    List<String> conditions = burnRates.stream().map(burnRate -> {
      String threshold = Numbers.plain(objective.budget().multiply(new BigDecimal(burnRate.factor())));
      return "(" + recorded(objective.ratio(), burnRate.longWindow(), slo) + " > " + threshold + " and "
          + recorded(objective.ratio(), burnRate.shortWindow(), slo) + " > " + threshold + ")";
    }).toList();
    String windows = burnRates.stream()
        .map(b -> b.factor() + "x over " + b.longWindow() + " and " + b.shortWindow())
        .collect(Collectors.joining(" or "));
    return Rule.alert(objective.alert(), String.join(" or ", conditions), null,
        Map.of("severity", severity, "sla", objective.sla(), "slo", slo.name()),
        Map.of("summary", "SLO {{ $labels.slo }} burns its error budget " + speed,
            "description", "The " + objective.bad() + " is {{ $value | humanizePercentage }}, burning the error budget of "
                + objective.goal() + " at " + windows + "."));
  }

  private static String recorded(String ratio, String window, SloTarget slo) {
    return SeriesSelector.of(ratio + window).eq("slo", slo.name()).toString();
  }
}
