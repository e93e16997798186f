package dev.progressive.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules and dashboards read only metrics of the contract (or standard Kubernetes and Prometheus metrics). */
class MetricContractTest {

  @Test
  void rulesUseOnlyContractMetrics() {
    Map<String, Set<String>> outside = new TreeMap<>();
    for (RuleFile file : List.of(RuleFixtures.agentAlerts(), RuleFixtures.systemAlerts(), RuleFixtures.sloAlerts(),
        RuleFixtures.nonDefault())) {
      Set<String> recorded = new TreeSet<>();
      file.groups().forEach(group -> group.rules().stream().filter(rule -> rule.record() != null)
          .forEach(rule -> recorded.add(rule.record())));
      file.groups().forEach(group -> group.rules().forEach(rule -> PromqlMetricNames.of(rule.expr()).stream()
          .filter(name -> !recorded.contains(name) && !MetricContract.allows(name))
          .forEach(name -> outside.computeIfAbsent(name, n -> new TreeSet<>())
              .add(group.name() + " " + (rule.alert() != null ? rule.alert() : rule.record())))));
    }

    assertThat(outside).as("metrics outside the contract, and the rules that use them").isEmpty();
  }

  @Test
  void dashboardsUseOnlyContractMetrics() {
    Map<String, Set<String>> outside = new TreeMap<>();
    Stream.concat(Dashboards.system().stream(), Stream.of(Dashboards.agentTemplate()))
        .flatMap(dashboard -> DashboardQueries.of(dashboard).stream())
        .forEach(query -> PromqlMetricNames.of(query.promql()).stream()
            .filter(name -> !MetricContract.allows(name))
            .forEach(name -> outside.computeIfAbsent(name, n -> new TreeSet<>()).add(query.where())));

    assertThat(outside).as("metrics outside the contract, and the dashboard queries that use them").isEmpty();
  }

  @Test
  void everyAgentMetricOfTheContractIsShownOrAlertedOn() {
    Set<String> used = new TreeSet<>();
    Stream.concat(Dashboards.system().stream(), Stream.of(Dashboards.agentTemplate()))
        .flatMap(dashboard -> DashboardQueries.of(dashboard).stream())
        .forEach(query -> used.addAll(PromqlMetricNames.of(query.promql())));
    Set<String> unused = new TreeSet<>(MetricContract.AGENT_METRICS);
    used.forEach(name -> {
      unused.remove(name);
      unused.remove(name.replaceAll("_(bucket|sum|count)$", ""));
    });

    assertThat(unused).as("contract metrics no dashboard shows").isEmpty();
  }

  @Test
  void metricNamesAreFoundInPromql() {
    assertThat(PromqlMetricNames.of("histogram_quantile(0.95, sum by (le, agent_type) (rate("
        + "agent_request_duration_seconds_bucket{namespace=\"a\",le=~\"0\\\\.5\"}[5m]))) > 2"
        + " or on (pod) group_left (agent_type) up{job=\"x\"} == 0 and bool slo:errors:ratio_rate5m offset 5m"))
        .containsExactlyInAnyOrder("agent_request_duration_seconds_bucket", "up", "slo:errors:ratio_rate5m");
  }

  @Test
  void contractAllowsHistogramSeriesOnlyOfItsHistograms() {
    assertThat(MetricContract.allows("agent_request_duration_seconds_bucket")).isTrue();
    assertThat(MetricContract.allows("agent_request_duration_seconds_count")).isTrue();
    assertThat(MetricContract.allows("agent_requests_total_count")).isFalse();
    assertThat(MetricContract.allows("mca_requests_total")).isFalse();
    assertThat(MetricContract.allows("requests_total")).isFalse();
    assertThat(MetricContract.allows("kube_pod_container_status_restarts_total")).isTrue();
  }
}
