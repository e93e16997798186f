package dev.progressive.operator.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeSettingsTest {
  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MAX_VALUE})
  void refusesABodyLimitItCannotEnforce(int limit) {
    assertThatThrownBy(() -> new IntakeSettings(Optional.empty(), "default", limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the webhook body limit must be between 1 and 2147483646 bytes");
  }

  @Test
  void takesTheDefaultLimitOfOneMebibyte() {
    assertThat(new IntakeSettings(Optional.empty(), "default", IntakeSettings.DEFAULT_BODY_LIMIT_BYTES).bodyLimitBytes())
        .isEqualTo(1_048_576);
  }
}
