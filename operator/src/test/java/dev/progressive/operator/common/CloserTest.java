package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class CloserTest {
  @Test
  void closesNewestFirstAndEachEvenWhenOneFails() {
    var closed = new ArrayList<String>();
    var parts = new Closer();
    parts.add(() -> closed.add("cluster"));
    parts.add(() -> {
      closed.add("stand-ins");
      throw new IllegalStateException("cannot stop");
    });
    parts.add(() -> closed.add("operator"));

    parts.close();
    parts.close();

    assertThat(closed).containsExactly("operator", "stand-ins", "cluster");
  }
}
