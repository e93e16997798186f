package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.UtcClock;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.intake.AlertIntake;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.server.OperatorHttpServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator that stops while it decides an Incident (a rolling upgrade, a leader handing over) must
 * not record a decision taken from the caches its stop emptied: the Incident would be held back for
 * good as matching no playbook. It is left undecided, and the next operator decides it.
 */
class StopMidDecisionIntegrationTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void anIncidentDecidedWhileTheOperatorStopsIsLeftForTheNextOne(@TempDir Path dir) throws Exception {
    try (var cluster = RemediationCluster.start(dir)) {
      var f = cluster.fixture("stop-mid-decision").withSamplesAndPlaybooks(spec -> { });
      cluster.harness().stopOperator();
      var clock = new HeldClock();
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      var client = cluster.harness().client();
      Operator held = ProgressiveOperator.create(client, registry, ProgressiveOperator.Settings.embedded(), clock);
      held.start();
      var intake = AlertIntake.create(client, registry, new IntakeSettings(Optional.of(cluster.tokenFile()), "default",
          IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
      var alert = f.alert("AgentUnhealthy", Map.of("service", "npa"));
      try (var http = OperatorHttpServer.start("127.0.0.1", 0, held, registry, intake)) {
        var sender = new AlertmanagerSender(URI.create("http://127.0.0.1:" + http.port()), RemediationCluster.TOKEN);
        clock.holdTheNextDecision();
        assertThat(sender.post(sender.body("firing", alert, "0001-01-01T00:00:00Z"))).isEqualTo(200);
        assertThat(clock.awaitHeld()).as("the Incident's reconcile reached its decision").isTrue();
        var stopped = CompletableFuture.runAsync(held::stop);
        var playbooks = playbookCache(held);
        await().atMost(PATIENCE).until(() -> playbooks.list().findAny().isEmpty());
        clock.release();
        stopped.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
      var incident = f.stored(alert);
      assertThat(f.phase(incident)).as(() -> "decided by the stopping operator: " + f.describe(incident)).isNull();
      assertThat(f.eventReasons(incident.getMetadata().getName())).as("Events told by the stopping operator").isEmpty();

      cluster.startOperatorAgain();
      await().atMost(PATIENCE).untilAsserted(() -> {
        var status = f.incident(incident).getStatus();
        assertThat(status).as("decided by the next operator").isNotNull();
        assertThat(status.getStartedAt()).as(() -> f.describe(incident)).isNotNull();
        assertThat(status.getPlaybook()).isEqualTo("stop-mid-decision/agent-degraded");
      });
    }
  }

  @SuppressWarnings("unchecked")
  private static InformerEventSource<RemediationPlaybook, ?> playbookCache(Operator operator) {
    var controller = (Controller<?>) operator.getRegisteredController(IncidentReconciler.NAME).orElseThrow();
    return (InformerEventSource<RemediationPlaybook, ?>) controller.getEventSourceManager().getEventSourceFor(RemediationPlaybook.class);
  }

  /**
   * The system clock, except that once asked, the Incident reconcile's next reading waits until released. A stop
   * that outlasts its grace interrupts the reconciles in flight; the hold ignores that and the reconcile goes on
   * as one whose interrupt a library call swallowed, so that only the operator's own rule keeps it from writing.
   */
  private static final class HeldClock extends UtcClock {
    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    void holdTheNextDecision() {
      armed.set(true);
    }

    boolean awaitHeld() throws InterruptedException {
      return held.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    void release() {
      released.countDown();
    }

    @Override
    public Instant instant() {
      if (inIncidentReconcile() && armed.compareAndSet(true, false)) {
        held.countDown();
        awaitReleaseUninterruptibly();
      }
      return Instant.now();
    }

    private void awaitReleaseUninterruptibly() {
      var deadline = System.nanoTime() + PATIENCE.toNanos();
      while (released.getCount() > 0 && System.nanoTime() < deadline) {
        try {
          released.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException stopping) {
          // The stop interrupts the reconciles in flight; this one waits for the test all the same.
        }
      }
    }

    private static boolean inIncidentReconcile() {
      return StackWalker.getInstance().walk(frames -> frames.anyMatch(
          frame -> frame.getClassName().equals(IncidentReconciler.class.getName()) && frame.getMethodName().equals("reconcile")));
    }
  }
}
