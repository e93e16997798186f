package dev.progressive.runtime;

import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.agents.mca.Upstream;
import dev.progressive.runtime.server.AgentConfig;
import dev.progressive.runtime.server.AgentServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Agents on loopback, on a free port, with the short timings tests need. */
public final class TestAgents {
  public static final AgentConfig.Timings FAST = new AgentConfig.Timings(
      Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofSeconds(10));

  private TestAgents() {
  }

  public static AgentConfig.Builder config(AgentType type) {
    return AgentConfig.builder(type).host("127.0.0.1").port(0).timings(FAST);
  }

  public static AgentServer start(AgentType type) {
    return AgentServer.start(config(type).build());
  }

  /** {@code name=url} upstreams for an MCA, in the env format. */
  public static List<Upstream> upstreams(AgentServer... servers) {
    return Upstream.parseList(java.util.Arrays.stream(servers)
        .map(s -> s.config().agentType().label() + "=" + s.uri())
        .collect(Collectors.joining(",")));
  }

  /** A URL where nothing listens: a port that was free a moment ago. */
  public static String deadUrl() {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
