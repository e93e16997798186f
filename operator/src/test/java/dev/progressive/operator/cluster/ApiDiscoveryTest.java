package dev.progressive.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.MonitoringCrds;
import dev.progressive.operator.dev.DevCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
