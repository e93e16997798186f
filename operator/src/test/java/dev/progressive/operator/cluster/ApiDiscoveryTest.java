package dev.progressive.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.MonitoringCrds;
import dev.progressive.operator.dev.DevCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Discovery against the embedded API: asked once per period, so CRDs installed later show after it. */
class ApiDiscoveryTest {
  @Test
  void crdsInstalledLaterAreSeenOnceTheRefreshPeriodHasPassed() {
    try (var cluster = DevCluster.start()) {
      var clock = new MutableClock();
      var discovery = new ApiDiscovery(cluster.client(), Duration.ofSeconds(30), clock);
      assertThat(discovery.installed()).isEmpty();
      MonitoringCrds.install(cluster.client());
      clock.advance(Duration.ofSeconds(29));
      assertThat(discovery.installed()).as("still the cached answer").isEmpty();
      clock.advance(Duration.ofSeconds(1));
      assertThat(discovery.installed()).containsExactlyInAnyOrder(OptionalApi.values());
    }
  }
}
