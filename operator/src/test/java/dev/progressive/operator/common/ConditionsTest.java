package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Instant T1 = Instant.parse("2026-01-01T10:00:00.123Z");
  private final ConfigMap resource = new ConfigMapBuilder().withNewMetadata().withName("x").withGeneration(7L).endMetadata().build();

  @Test
  void transitionTimeMovesOnlyWhenTheStatusChanges() {
    var first = new Conditions(Clock.fixed(T1, ZoneOffset.UTC))
        .merge(List.of(), List.of(Conditions.of("Ready", false, "ReplicasNotReady", "0/2")), resource);
    assertThat(first.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(first.get(0).getObservedGeneration()).isEqualTo(7L);

    var later = new Conditions(Clock.fixed(T1.plusSeconds(60), ZoneOffset.UTC));
    var sameStatus = later.merge(first, List.of(Conditions.of("Ready", false, "ReplicasNotReady", "1/2")), resource);
    assertThat(sameStatus.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(sameStatus.get(0).getMessage()).isEqualTo("1/2");

    var flipped = later.merge(first, List.of(Conditions.of("Ready", true, "AllReplicasReady", "2/2")), resource);
    assertThat(flipped.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T10:01:00Z");
  }
}
