package dev.progressive.operator.remediation;

import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/** Metrics of remediation itself: how incidents move and how actions go. */
final class RemediationMetrics {
  private final MeterRegistry registry;

  RemediationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void entered(IncidentPhase phase) {
    Counter.builder("progressive_incidents")
        .description("Incidents that entered a phase")
        .tag("phase", phase.name())
        .register(registry).increment();
  }

  void action(StepAction action, StepRecord.Outcome outcome, Duration took) {
    Counter.builder("progressive_remediation_actions")
        .description("Playbook steps finished, by action and outcome")
        .tag("action", action.name().toLowerCase(Locale.ROOT))
        .tag("outcome", outcome.name())
        .register(registry).increment();
    Timer.builder("progressive_remediation_action_duration")
        .description("Time from a step's start to its end, waits included")
        .tag("action", action.name().toLowerCase(Locale.ROOT))
        .register(registry).record(took);
  }
}
