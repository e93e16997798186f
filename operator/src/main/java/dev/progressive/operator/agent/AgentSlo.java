package dev.progressive.operator.agent;

import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.SloStatus;
import dev.progressive.operator.cluster.PrometheusApi.Sample;
import dev.progressive.operator.monitoring.SloBurnRateRules;
import dev.progressive.operator.monitoring.SloTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * {@code status.slo}: the agent's error budget and burn rates, from the error ratios its SLO's
 * recording rules keep (see {@link SloBurnRateRules}). A burn rate is the error ratio divided by
 * the budget (1 - availability); a window without requests has no ratio (NaN) and shows nothing.
 */
final class AgentSlo {
  // Called for valid specs only: validation keeps availability between 50 and 99.999, so the budget is never 0.
  private AgentSlo() {}

  static Optional<SloStatus> status(ProgressiveAgent agent, PrometheusReport report) {
    var slo = Optional.ofNullable(agent.getSpec().getMonitoring()).map(Monitoring::getSlo);
    var snapshot = report.snapshot().filter(s -> s.failure().isEmpty());
    if (slo.isEmpty() || slo.get().getAvailability() == null || snapshot.isEmpty()) {
      return Optional.empty();
    }
    var meta = agent.getMetadata();
    var name = SloTarget.forAgent(meta.getNamespace(), meta.getName(), agent.getSpec().getAgentType().id(),
        slo.get().getAvailability(), null).name();
    var budget = 1 - slo.get().getAvailability() / 100;
    var ratios = snapshot.get().sloErrorRatios().stream().filter(s -> name.equals(s.labels().get("slo"))).toList();
    var status = new SloStatus();
    burnRate(ratios, "1h", budget).ifPresent(rate -> status.setBurnRate1h(decimal(rate)));
    burnRate(ratios, "6h", budget).ifPresent(rate -> status.setBurnRate6h(decimal(rate)));
    burnRate(ratios, SloBurnRateRules.BUDGET_WINDOW, budget).ifPresent(rate -> status.setErrorBudgetRemaining(
        BigDecimal.valueOf((1 - rate) * 100).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%"));
    var recorded = status.getBurnRate1h() != null || status.getBurnRate6h() != null || status.getErrorBudgetRemaining() != null;
    return recorded ? Optional.of(status) : Optional.empty();
  }

  private static Optional<Double> burnRate(List<Sample> ratios, String window, double budget) {
    return ratios.stream().filter(s -> (SloBurnRateRules.ERROR_RATIO + window).equals(s.labels().get("__name__")))
        .map(Sample::value).filter(Double::isFinite).findFirst().map(ratio -> ratio / budget);
  }

  private static String decimal(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
