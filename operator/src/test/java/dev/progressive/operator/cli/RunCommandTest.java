package dev.progressive.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {
  @Test
  void remediationOptionsHaveSafeDefaults() {
    var run = parse();
    assertThat(run.remediationDryRun).isFalse();
    assertThat(run.remediationPaused).isFalse();
    assertThat(run.prometheusUrl).isEmpty();
    assertThat(run.prometheusReadInterval).isEqualTo(Duration.ofSeconds(30));
    assertThat(run.keepIncidents).isEqualTo(100);
    assertThat(run.keepIncidentsFor).isEqualTo(Duration.ofDays(7));
    assertThat(run.leaderElection).isTrue();
  }

  @Test
  void remediationOptionsAreRead() {
    var run = parse("--remediation-dry-run", "--remediation-paused", "--prometheus-url", "http://prometheus:9090",
        "--keep-incidents", "20", "--keep-incidents-for", "12h", "--no-leader-election", "--namespaces", "a,b");
    assertThat(run.remediationDryRun).isTrue();
    assertThat(run.remediationPaused).isTrue();
    assertThat(run.prometheusUrl).contains(URI.create("http://prometheus:9090"));
    assertThat(run.keepIncidents).isEqualTo(20);
    assertThat(run.keepIncidentsFor).isEqualTo(Duration.ofHours(12));
    assertThat(run.leaderElection).isFalse();
    assertThat(run.namespaces).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void thePrometheusReadIntervalIsReadAndAnIntervalOfNothingIsRefused() {
    assertThat(parse("--prometheus-read-interval", "1m").prometheusReadInterval).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> parse("--prometheus-read-interval", "0s"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--prometheus-read-interval must be longer than 0");
  }

  @Test
  void aBadRetentionNamesTheOption() {
    assertThatThrownBy(() -> parse("--keep-incidents-for", "a week"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--keep-incidents-for");
  }

  @Test
  void aPrometheusUrlWithoutSchemeOrHostNamesTheOptionAndTheFix() {
    for (var url : new String[] {"prometheus-operated.monitoring:9090", "ftp://prometheus:9090", "http:/prometheus"}) {
      assertThatThrownBy(() -> parse("--prometheus-url", url))
          .isInstanceOf(CommandLine.ParameterException.class)
          .hasMessageContaining("--prometheus-url: '" + url + "' is not an http(s) URL")
          .hasMessageContaining("http://prometheus-operated.monitoring:9090");
    }
  }

  @Test
  void theApiRateLimitDefaultsToWhatASharedClusterToleratesAndALimitOfNothingIsRefused() {
    var defaults = parse();
    assertThat(defaults.kubeApiQps).isEqualTo(50);
    assertThat(defaults.kubeApiBurst).isEqualTo(100);
    assertThatThrownBy(() -> parse("--kube-api-qps", "0").rateLimited())
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--kube-api-qps");
    assertThatThrownBy(() -> parse("--kube-api-burst", "0").rateLimited())
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--kube-api-burst");
  }

  private static RunCommand parse(String... args) {
    var run = new RunCommand();
    new CommandLine(run).parseArgs(args);
    return run;
  }
}
