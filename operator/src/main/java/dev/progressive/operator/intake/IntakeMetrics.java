package dev.progressive.operator.intake;

import io.helidon.http.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/** The intake's meters: how long notifications take, what each alert did, and why requests were refused. */
final class IntakeMetrics {
  private static final List<Duration> LATENCY_BUCKETS = List.of(Duration.ofMillis(10), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));

  private final MeterRegistry registry;

  IntakeMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Registered up front so that rates and alerts on them see a 0 before the first alert arrives.
    alerts(WebhookAlert.FIRING, AlertResult.CREATED);
    alerts(WebhookAlert.FIRING, AlertResult.DUPLICATE);
    alerts(WebhookAlert.RESOLVED, AlertResult.RESOLVED);
    alerts(WebhookAlert.RESOLVED, AlertResult.DUPLICATE);
    alerts(WebhookAlert.RESOLVED, AlertResult.IGNORED);
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  void answered(Timer.Sample sample, Status status) {
    sample.stop(Timer.builder("progressive.intake.duration")
        .description("Time to answer an Alertmanager notification, from its arrival to the stored Incidents or the refusal")
        .tag("outcome", outcome(status))
        .serviceLevelObjectives(LATENCY_BUCKETS.toArray(Duration[]::new))
        .register(registry));
    if (status.family() != Status.Family.SUCCESSFUL) {
      Counter.builder("progressive.intake.rejected")
          .description("Alertmanager notifications refused, by HTTP status code")
          .tag("code", String.valueOf(status.code()))
          .register(registry)
          .increment();
    }
  }

  void stored(AlertOutcome outcome) {
    alerts(outcome.status(), outcome.result()).increment();
  }

  private Counter alerts(String status, AlertResult result) {
    return Counter.builder("progressive.intake.alerts")
        .description("Alerts taken from Alertmanager notifications, by alert status and what the intake did")
        .tag("status", status)
        .tag("result", result.label())
        .register(registry);
  }

  private static String outcome(Status status) {
    return switch (status.family()) {
      case SUCCESSFUL -> "stored";
      case CLIENT_ERROR -> "rejected";
      default -> status.code() == Status.SERVICE_UNAVAILABLE_503.code() ? "retry" : "error";
    };
  }
}
