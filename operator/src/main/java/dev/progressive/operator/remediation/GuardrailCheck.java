package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.HeldBackAgent;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.common.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a matched playbook may run now, or why the Incident is suppressed instead; and, per
 * agent it would act on, which agents the cooldown and the hourly limit hold back, however the steps
 * chose them (the alert's own agent or agentTypes). Counts come from the Incidents with every status the operator wrote.
 */
public final class GuardrailCheck {
  public static final String DUPLICATE = "Duplicate";
  public static final String COOLDOWN = "Cooldown";
  public static final String RATE_LIMITED = "RateLimited";
  public static final String DRY_RUN = "DryRun";
  public static final String INEFFECTIVE = "Ineffective";
  private static final Duration HOUR = Duration.ofHours(1);
  /** How far back the runs that did not help count against a playbook on an agent. */
  static final Duration INEFFECTIVE_WINDOW = Duration.ofHours(4);

  private GuardrailCheck() {}

  public record Suppression(String reason, String message) {}

  /** What the guardrails decided: the whole run suppressed, or the agents they hold back (maybe none). */
  public record Verdict(Optional<Suppression> suppression, List<HeldBackAgent> heldBack) {}

  /** {@code agents}: those the run would act on; {@code target}: the alert's own agent, if any. */
  public static Verdict check(Incident incident, RemediationPlaybook playbook, String target, Collection<String> agents,
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
      return suppressed(DUPLICATE, "Incident " + duplicate.get().getMetadata().getName()
          + " already handles " + incident.getSpec().getAlertName() + " on " + (target == null ? "no particular agent" : target));
    }
    var key = PlaybookMatcher.key(playbook);
    var heldBack = new ArrayList<HeldBackAgent>();
    for (var agent : agents) {
      heldBack(agent, key, guardrails, sameNamespace, now).ifPresent(heldBack::add);
    }
    if (!agents.isEmpty() && heldBack.size() == agents.size()) {
      // A playbook that did not help says so before any other reason: the Incident escalates on it.
      var first = heldBack.stream().filter(h -> h.getReason().equals(INEFFECTIVE)).findFirst()
          .or(() -> heldBack.stream().filter(h -> h.getAgent().equals(target)).findFirst()).orElse(heldBack.get(0));
      return new Verdict(Optional.of(new Suppression(first.getReason(), first.getMessage()
          + (heldBack.size() > 1 ? "; and every other agent it would act on is held back too" : ""))), heldBack);
    }
    long runs = others.stream()
        .filter(o -> o.getStatus() != null && key.equals(o.getStatus().getPlaybook()) && ran(o))
        .filter(o -> startedAt(o).isAfter(now.minus(HOUR)))
        .count();
    if (runs >= guardrails.getMaxRunsPerHour()) {
      return suppressed(RATE_LIMITED, "playbook " + key + " ran " + runs
          + " times in the last hour; its limit is maxRunsPerHour=" + guardrails.getMaxRunsPerHour());
    }
    if (globalDryRun || Boolean.TRUE.equals(guardrails.getDryRun())) {
      return new Verdict(Optional.of(new Suppression(DRY_RUN, (globalDryRun ? "remediation" : "playbook " + key)
          + " is in dry-run: the steps below were recorded, not run")), heldBack);
    }
    return new Verdict(Optional.empty(), heldBack);
  }

  /**
   * The playbook's record on the agent first (its runs that did not help), then the cooldown and the
   * hourly limit, counted over every run that acted on the agent.
   */
  private static Optional<HeldBackAgent> heldBack(String agent, String key, Guardrails guardrails,
      List<Incident> sameNamespace, Instant now) {
    var ineffective = sameNamespace.stream()
        .filter(o -> key.equals(o.getStatus().getPlaybook()) && Boolean.FALSE.equals(o.getStatus().getEffective()))
        .filter(o -> actedOn(o).contains(agent) && o.getStatus().getFinishedAt() != null)
        .filter(o -> Instant.parse(o.getStatus().getFinishedAt()).isAfter(now.minus(INEFFECTIVE_WINDOW)))
        .map(o -> o.getMetadata().getName()).sorted().toList();
    if (ineffective.size() >= guardrails.getMaxIneffective()) {
      return Optional.of(new HeldBackAgent(agent, INEFFECTIVE, "playbook " + key + " did not help " + agent + " "
          + ineffective.size() + " times in the last 4h (Incidents " + String.join(", ", ineffective)
          + "; maxIneffective=" + guardrails.getMaxIneffective() + "); it acts on " + agent + " no more and a person has to take over"));
    }
    var cooldown = Durations.parse(guardrails.getCooldown(), "spec.guardrails.cooldown");
    var onAgent = sameNamespace.stream().filter(o -> ran(o) && actedOn(o).contains(agent)).toList();
    var recent = onAgent.stream().filter(o -> startedAt(o).plus(cooldown).isAfter(now)).findFirst();
    if (recent.isPresent()) {
      return Optional.of(new HeldBackAgent(agent, COOLDOWN, "Incident " + recent.get().getMetadata().getName()
          + " acted on " + agent + " at " + recent.get().getStatus().getStartedAt() + "; the cooldown of "
          + guardrails.getCooldown() + " holds further runs on it until " + startedAt(recent.get()).plus(cooldown)));
    }
    long lastHour = onAgent.stream().filter(o -> startedAt(o).isAfter(now.minus(HOUR))).count();
    if (lastHour >= guardrails.getMaxRunsPerHour()) {
      return Optional.of(new HeldBackAgent(agent, RATE_LIMITED, lastHour + " runs acted on " + agent
          + " in the last hour; the limit is maxRunsPerHour=" + guardrails.getMaxRunsPerHour()));
    }
    return Optional.empty();
  }

  /** The agents a run held; a run an older version started records only the alert's own agent. */
  static Set<String> actedOn(Incident incident) {
    var status = incident.getStatus();
    if (status.getAgents() != null) {
      return Set.copyOf(status.getAgents());
    }
    return status.getTarget() == null ? Set.of() : Set.of(status.getTarget());
  }

  private static Verdict suppressed(String reason, String message) {
    return new Verdict(Optional.of(new Suppression(reason, message)), List.of());
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
}
