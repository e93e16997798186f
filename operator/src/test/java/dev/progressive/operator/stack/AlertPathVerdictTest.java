package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The AlertPath verdict over time, every instant from a fixed Clock. */
class AlertPathVerdictTest {
  private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(1);

  @Test
  void heartbeatYoungerThanThreeIntervalsIsTrueAndIsLookedAtAgainWhenItGoesStale() {
    var last = CREATED.plusSeconds(600);
    var seen = observe(at(last.plusSeconds(100)), Optional.of(last), AlertmanagerCheck.NOTHING_TO_ADD);

    assertThat(AlertPathVerdict.condition(seen)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo(AlertPathVerdict.HEARTBEAT_RECEIVED);
      assertThat(c.getMessage()).as("the same message for every heartbeat").doesNotContain("2026-12-01");
    });
    assertThat(AlertPathVerdict.recheckAfter(seen)).isEqualTo(Duration.ofSeconds(81));
  }

  @Test
  void heartbeatThreeIntervalsOldIsFalseAndRemediationIsBlind() {
    var last = CREATED.plusSeconds(600);
    var seen = observe(at(last.plus(INTERVAL.multipliedBy(3))), Optional.of(last), AlertmanagerCheck.NOTHING_TO_ADD);

    assertThat(AlertPathVerdict.condition(seen)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo(AlertPathVerdict.NO_HEARTBEAT);
      assertThat(c.getMessage()).isEqualTo("No heartbeat since 2026-12-01T10:10:00Z; remediation is blind");
    });
    assertThat(AlertPathVerdict.recheckAfter(seen)).as("looks for the heartbeat's return").isEqualTo(INTERVAL);
  }

  @Test
  void newStackAwaitsItsFirstHeartbeatForThreeIntervals() {
    var seen = observe(at(CREATED.plusSeconds(150)), Optional.empty(), AlertmanagerCheck.NOTHING_TO_ADD);

    assertThat(AlertPathVerdict.condition(seen)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("Unknown");
      assertThat(c.getReason()).isEqualTo(AlertPathVerdict.AWAITING_HEARTBEAT);
    });
    assertThat(AlertPathVerdict.recheckAfter(seen)).as("the wait's end, sooner than an interval").isEqualTo(Duration.ofSeconds(31));
  }

  @Test
  void noHeartbeatWithinThreeIntervalsOfCreationIsFalseSinceCreation() {
    var condition = AlertPathVerdict.condition(observe(at(CREATED.plusSeconds(180)), Optional.empty(), AlertmanagerCheck.NOTHING_TO_ADD));

    assertThat(condition.getReason()).isEqualTo(AlertPathVerdict.NO_HEARTBEAT);
    assertThat(condition.getMessage()).startsWith("No heartbeat since 2026-12-01T10:00:00Z");
  }

  @Test
  void alertmanagerWithoutTheReceiverIsFalseEvenWithAFreshHeartbeat() {
    var last = CREATED.plusSeconds(600);
    Condition condition = AlertPathVerdict.condition(observe(at(last), Optional.of(last),
        AlertmanagerCheck.missing("progressive-remediation")));

    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getReason()).isEqualTo(AlertPathVerdict.RECEIVER_MISSING);
    assertThat(condition.getMessage()).contains("progressive-remediation");
  }

  @Test
  void unreachableAlertmanagerKeepsTheHeartbeatsVerdictAndSaysSo() {
    var last = CREATED.plusSeconds(600);
    var condition = AlertPathVerdict.condition(observe(at(last), Optional.of(last),
        AlertmanagerCheck.unreachable("http://alertmanager:9093", "HttpConnectTimeoutException")));

    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getMessage()).contains("Alertmanager at http://alertmanager:9093 was unreachable");
  }

  private static Clock at(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  private static AlertPathVerdict.Observation observe(Clock clock, Optional<Instant> last, AlertmanagerCheck check) {
    return new AlertPathVerdict.Observation(clock.instant(), CREATED, last, INTERVAL, check);
  }
}
