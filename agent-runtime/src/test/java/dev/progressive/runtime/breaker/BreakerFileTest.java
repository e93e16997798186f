package dev.progressive.runtime.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreakerFileTest {
  private static final BreakerSettings DEFAULTS = new BreakerSettings(false, 50, false, Duration.ofSeconds(30));

  @Test
  void readsPropertiesFormat() {
    BreakerSettings settings = BreakerFile.parse("""
        # written by the operator
        enabled=true
        threshold = 5
        open=false
        retry_after_seconds=7
        """, DEFAULTS);

    assertThat(settings).isEqualTo(new BreakerSettings(true, 5, false, Duration.ofSeconds(7)));
  }

  @Test
  void readsFlatYaml() {
    BreakerSettings settings = BreakerFile.parse("---\nenabled: \"true\"\nopen: yes\n", DEFAULTS);

    assertThat(settings).isEqualTo(new BreakerSettings(true, 50, true, Duration.ofSeconds(30)));
  }

  @Test
  void emptyFileKeepsTheEnvDefaults() {
    assertThat(BreakerFile.parse("", DEFAULTS)).isEqualTo(DEFAULTS);
  }

  @Test
  void rejectsBadValuesWithTheKey() {
    assertThatThrownBy(() -> BreakerFile.parse("threshold=many", DEFAULTS)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> BreakerFile.parse("open=maybe", DEFAULTS)).hasMessageContaining("open");
    assertThatThrownBy(() -> BreakerFile.parse("threshold=0", DEFAULTS)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> BreakerFile.parse("just words", DEFAULTS)).hasMessageContaining("just words");
  }
}
