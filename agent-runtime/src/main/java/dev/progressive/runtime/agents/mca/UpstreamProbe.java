package dev.progressive.runtime.agents.mca;

import dev.progressive.runtime.logging.LogFields;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks every upstream's readiness in the background; the MCA is ready only when all are. */
final class UpstreamProbe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamProbe.class);

  private final UpstreamPool pool;
  private final UpstreamClient client;
  private final ScheduledExecutorService scheduler;

  UpstreamProbe(UpstreamPool pool, UpstreamClient client, Duration interval, String agentType, String agentId) {
    this.pool = pool;
    this.client = client;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
        .name("upstream-probe-" + agentId).factory());
    scheduler.execute(() -> LogFields.putAgent(agentType, agentId));
    scheduler.scheduleWithFixedDelay(this::probeAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void probeAll() {
    // Probes run in parallel on virtual threads, so one slow upstream does not delay the others.
    try (var probes = Executors.newVirtualThreadPerTaskExecutor()) {
      for (UpstreamPool.Member member : pool.members()) {
        probes.execute(LogFields.carry(() -> update(member, client.ready(member.upstream()))));
      }
    }
  }

  private void update(UpstreamPool.Member member, boolean ready) {
    Boolean before = member.ready();
    member.ready(ready);
    if (before == null || before != ready) {
      LOG.info("upstream {} is {}", member.upstream().name(), ready ? "ready" : "not ready");
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
