package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.common.RestrictedPodSecurityStandard;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pod the chart runs is admitted to a namespace that enforces the "restricted" Pod Security Standard. */
class ChartPodSecurityTest {
  @TempDir
  Path workDir;

  static List<ChartVariant> variants() {
    return ChartVariant.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void everyRenderedPodSpecMeetsTheRestrictedStandard(ChartVariant variant) {
    var pods = variant.render(new Helm(workDir)).podSpecs();
    assertThat(pods).as("pod specs rendered").isNotEmpty();
    pods.forEach((name, pod) ->
        assertThat(RestrictedPodSecurityStandard.violations(pod)).as("violations in %s", name).isEmpty());
  }
}
