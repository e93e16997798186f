package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.common.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/** Decides whether a matched playbook may run now, or why the Incident is suppressed instead. */
public final class GuardrailCheck {
  public static final String DUPLICATE = "Duplicate";
  public static final String COOLDOWN = "Cooldown";
  public static final String RATE_LIMITED = "RateLimited";
  public static final String DRY_RUN = "DryRun";

  private GuardrailCheck() {}

  public record Suppression(String reason, String message) {}

  public static Optional<Suppression> check(Incident incident, RemediationPlaybook playbook, String target,
      Collection<Incident> others, Instant now, boolean globalDryRun) {
    var guardrails = Optional.ofNullable(playbook.getSpec().getGuardrails()).orElseGet(Guardrails::new);
    var sameNamespace = others.stream()
        .filter(o -> !o.getMetadata().getName().equals(incident.getMetadata().getName()))
        .filter(o -> o.getMetadata().getNamespace().equals(incident.getMetadata().getNamespace()))
        .filter(o -> o.getStatus() != null && o.getStatus().getPhase() != null)
        .toList();
    var duplicate = sameNamespace.stream()
        .filter(o -> !o.getStatus().getPhase().isFinal() && o.getStatus().getPhase() != IncidentPhase.Detected)
        .filter(o -> o.getSpec().getAlertName().equals(incident.getSpec().getAlertName()))
        .filter(o -> Objects.equals(o.getStatus().getTarget(), target))
        .findFirst();
    if (duplicate.isPresent()) {
      return Optional.of(new Suppression(DUPLICATE, "Incident " + duplicate.get().getMetadata().getName()
          + " already handles " + incident.getSpec().getAlertName() + " on " + describe(target)));
    }
    var cooldown = Durations.parse(guardrails.getCooldown(), "spec.guardrails.cooldown");
    var recent = sameNamespace.stream()
        .filter(o -> target != null && target.equals(o.getStatus().getTarget()) && ran(o))
        .filter(o -> startedAt(o).plus(cooldown).isAfter(now))
        .findFirst();
    if (recent.isPresent()) {
      return Optional.of(new Suppression(COOLDOWN, "Incident " + recent.get().getMetadata().getName() + " acted on "
          + target + " at " + recent.get().getStatus().getStartedAt() + "; the cooldown of " + guardrails.getCooldown()
          + " holds further runs until " + startedAt(recent.get()).plus(cooldown)));
    }
    var key = PlaybookMatcher.key(playbook);
    long runs = others.stream()
        .filter(o -> o.getStatus() != null && key.equals(o.getStatus().getPlaybook()) && ran(o))
        .filter(o -> startedAt(o).isAfter(now.minus(Duration.ofHours(1))))
        .count();
    if (runs >= guardrails.getMaxRunsPerHour()) {
      return Optional.of(new Suppression(RATE_LIMITED, "playbook " + key + " ran " + runs
          + " times in the last hour; its limit is maxRunsPerHour=" + guardrails.getMaxRunsPerHour()));
    }
    if (globalDryRun || Boolean.TRUE.equals(guardrails.getDryRun())) {
      return Optional.of(new Suppression(DRY_RUN, (globalDryRun ? "remediation" : "playbook " + key)
          + " is in dry-run: the steps below were recorded, not run"));
    }
    return Optional.empty();
  }

  /** Whether the Incident ran its playbook (as opposed to being suppressed or still deciding). */
  static boolean ran(Incident incident) {
    var phase = incident.getStatus().getPhase();
    return phase != null && phase != IncidentPhase.Suppressed && phase != IncidentPhase.Detected
        && incident.getStatus().getStartedAt() != null;
  }

  private static Instant startedAt(Incident incident) {
    return Instant.parse(incident.getStatus().getStartedAt());
  }

  private static String describe(String target) {
    return target == null ? "no particular agent" : target;
  }
}
