package dev.progressive.operator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentNamingTest {
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Instant STARTS_AT = Instant.parse("2026-11-28T18:23:40.294Z");

  @Test
  void nameIsAlertNameFingerprintAndStartInHexSeconds() {
    assertThat(IncidentNaming.name("AgentHighErrorRate", "cc25aa0d0560d0b7", STARTS_AT))
        .isEqualTo("agenthigherrorrate-cc25aa0d0560d0b7-6b0b1c2c");
  }

  @Test
  void sameAlertGetsTheSameNameAndALaterFiringAnother() {
    var name = IncidentNaming.name("MCAAgentDown", "cc25aa0d0560d0b7", STARTS_AT);
    assertThat(IncidentNaming.name("MCAAgentDown", "cc25aa0d0560d0b7", Instant.parse("2026-11-28T18:23:40.999Z")))
        .isEqualTo(name);
    assertThat(IncidentNaming.name("MCAAgentDown", "cc25aa0d0560d0b7", STARTS_AT.plusSeconds(60)))
        .isNotEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SystemAvailabilityBelow99_9", "job:slo_errors:ratio_rate5m", "__", "-Leading-And-Trailing-",
      "AVeryLongAlertNameThatNoRuleShouldHaveButSomeRuleWillHaveAnywayBecauseRulesGrow"})
  void nameIsADnsLabelOfAtMost63CharactersThatEndsInTheAlertIdentity(String alertName) {
    var name = IncidentNaming.name(alertName, "cc25aa0d0560d0b7", STARTS_AT);

    assertThat(name).matches(DNS_LABEL).hasSizeLessThanOrEqualTo(63).endsWith("-cc25aa0d0560d0b7-6b0b1c2c");
  }

  @Test
  void nameKeepsTheReadablePartOfTheAlertName() {
    assertThat(IncidentNaming.name("job:slo_errors:ratio_rate5m", "cc25aa0d0560d0b7", STARTS_AT))
        .isEqualTo("job-slo-errors-ratio-rate5m-cc25aa0d0560d0b7-6b0b1c2c");
    assertThat(IncidentNaming.name("__", "cc25aa0d0560d0b7", STARTS_AT)).isEqualTo("alert-cc25aa0d0560d0b7-6b0b1c2c");
  }

  @Test
  void labelValueReplacesWhatKubernetesRejects() {
    assertThat(IncidentNaming.labelValue("AgentHighErrorRate")).isEqualTo("AgentHighErrorRate");
    assertThat(IncidentNaming.labelValue("job:slo_errors:ratio_rate5m")).isEqualTo("job_slo_errors_ratio_rate5m");
    assertThat(IncidentNaming.labelValue("x".repeat(70) + ":")).hasSize(63).matches("[A-Za-z0-9]+");
  }
}
