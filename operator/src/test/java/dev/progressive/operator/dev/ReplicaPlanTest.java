package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaPlanTest {
  @Test
  void aTemplateChangeReplacesEveryReplicaAtOnce() {
    var old = List.of(replica("a", "old", true), replica("b", "old", true));

    var plan = ReplicaPlan.of(old, "new", 2, true);

    assertThat(plan.stop()).containsExactlyElementsOf(old);
    assertThat(plan.start()).isEqualTo(2);
  }

  @Test
  void scalingDownStopsAnUnreadyReplicaFirstThenTheNewest() {
    var first = replica("a", "t", true);
    var unready = replica("b", "t", false);
    var newest = replica("c", "t", true);

    assertThat(ReplicaPlan.of(List.of(first, unready, newest), "t", 2, true).stop()).containsExactly(unready);
    assertThat(ReplicaPlan.of(List.of(first, unready, newest), "t", 1, true).stop()).containsExactly(unready, newest);
  }

  @Test
  void startsWhatIsMissingUnlessBackingOffAfterACrash() {
    var running = List.of(replica("a", "t", true));

    assertThat(ReplicaPlan.of(running, "t", 3, true)).isEqualTo(new ReplicaPlan(List.of(), 2));
    assertThat(ReplicaPlan.of(running, "t", 3, false)).isEqualTo(new ReplicaPlan(List.of(), 0));
  }

  private static AgentReplica replica(String pod, String templateHash, boolean ready) {
    var replica = new AgentReplica("default", "npa", pod, templateHash, 8080, new ExitedProcess(), Optional.empty());
    replica.ready = ready;
    return replica;
  }

  /** The plan never looks at the process. */
  private static final class ExitedProcess extends Process {
    @Override
    public OutputStream getOutputStream() {
      return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
      return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
      return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() {
      return 0;
    }

    @Override
    public int exitValue() {
      return 0;
    }

    @Override
    public void destroy() {
      // Nothing runs.
    }
  }
}
