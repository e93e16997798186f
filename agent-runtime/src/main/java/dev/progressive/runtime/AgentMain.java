package dev.progressive.runtime;

import dev.progressive.runtime.logging.JulBridge;
import dev.progressive.runtime.logging.LogFields;
import dev.progressive.runtime.server.AgentConfig;
import dev.progressive.runtime.server.AgentServer;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The container's entry point: one agent configured by env, stopped gracefully on SIGTERM. */
public final class AgentMain {
  private static final Logger LOG = LoggerFactory.getLogger(AgentMain.class);

  private AgentMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    JulBridge.install();
    AgentConfig config;
    try {
      config = AgentConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.error("invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    LogFields.putAgent(config.agentType().label(), config.agentId());
    AgentServer server = AgentServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LogFields.putAgent(config.agentType().label(), config.agentId());
      server.close();
      stopped.countDown();
    }, "agent-shutdown"));
    stopped.await();
  }
}
