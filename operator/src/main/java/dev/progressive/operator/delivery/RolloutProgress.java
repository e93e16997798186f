package dev.progressive.operator.delivery;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import dev.progressive.operator.api.RolloutPhase;
import dev.progressive.operator.api.RolloutStatus;
import dev.progressive.operator.delivery.DeliveryPlan.CanaryStep;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an agent's rollout goes next, from what its Deployments run and what {@code status.rollout} said: a pure
 * function, so that every turn of a rollout is decided the same way from the same facts, also after a restart.
 *
 * <p>A new pod template (a revision the stable Deployment does not run) starts at the first step unless the error
 * budget is spent, which freezes it; with no stable pod ready, the stable Deployment takes it at once. Each step
 * is analysed once its interval has passed: a pass moves to the next step or, before the promotion, promotes; a
 * fail rolls back; a hold (too little data, a missing metric) is analysed again a little later. A rolled-back
 * revision stays rolled back until the spec changes. A template back at the stable revision ends the rollout.
 */
public final class RolloutProgress {
  public static final String FORCE_ANNOTATION = ProgressiveAgent.GROUP + "/rollout";
  public static final String FORCE = "force";
  /** How soon a step that holds is analysed again, at most. */
  static final Duration RECHECK = Duration.ofSeconds(30);

  /**
   * What the decision is made from.
   *
   * @param desired the revision of the pod template the spec asks for
   * @param stable the revision the stable Deployment runs; empty when there is none yet (nothing to compare with)
   * @param last what status.rollout said
   * @param replicas the pods the agent runs in all, mitigations included
   * @param errorBudgetRemaining status.slo.errorBudgetRemaining, e.g. {@code -12%}
   * @param forced whether the agent carries {@value #FORCE_ANNOTATION}={@value #FORCE}
   * @param stableServes whether a stable pod is ready: without one there is nothing to compare a canary with
   *     or to keep serving, as for a new agent whose template changed before its first pod became ready
   */
  public record Seen(String desired, Optional<String> stable, Optional<RolloutStatus> last, int replicas,
      Optional<String> errorBudgetRemaining, boolean forced, boolean stableServes) {}

  /** An Event to record on the agent. */
  public record Note(boolean warning, String reason, String message) {}

  /**
   * @param status what status.rollout says now; empty when there is no rollout to tell of
   * @param stableTakesDesired whether the stable Deployment runs the desired template, else the one it runs
   * @param canaryPods the canary Deployment's pods; 0 when there is no canary
   * @param recheck when the rollout is to be looked at again, if it waits on time
   * @param failed the analysis that failed, when this decision rolls back
   */
  public record Decision(Optional<RolloutStatus> status, boolean stableTakesDesired, int canaryPods,
      Optional<Instant> recheck, List<Note> notes, Optional<StepAnalysis> failed) {
    /** No rollout to tell of: the stable Deployment takes the desired template. */
    public static Decision none() {
      return kept(Optional.empty(), true, List.of());
    }

    static Decision kept(Optional<RolloutStatus> status, boolean stableTakesDesired, List<Note> notes) {
      return new Decision(status, stableTakesDesired, 0, Optional.empty(), notes, Optional.empty());
    }
  }

  private final DeliveryPlan plan;
  private final Seen seen;
  private final Instant now;

  private RolloutProgress(DeliveryPlan plan, Seen seen, Instant now) {
    this.plan = plan;
    this.seen = seen;
    this.now = now;
  }

  /** {@code analysis} is asked only when a step's analysis is due. */
  public static Decision decide(DeliveryPlan plan, Seen seen, Instant now, Supplier<StepAnalysis> analysis) {
    return new RolloutProgress(plan, seen, now).decide(analysis);
  }

  private Decision decide(Supplier<StepAnalysis> analysis) {
    if (seen.stable().isEmpty()) {
      return withoutStable();
    }
    if (seen.desired().equals(seen.stable().get())) {
      return settled();
    }
    var steps = plan.steps(seen.replicas());
    var current = seen.last().filter(last -> seen.desired().equals(last.getRevision()));
    if (current.isEmpty() && !seen.stableServes()) {
      return Decision.none();
    }
    if (steps.size() == 1) {
      return promoted(current, steps.get(0), Optional.empty(), "the Deployment rolls the new template out itself ("
          + (seen.replicas() < 1 ? "no replicas to analyse" : "strategy all-at-once") + ")");
    }
    if (current.isEmpty() || current.get().getPhase() == RolloutPhase.Frozen) {
      return start(current, steps);
    }
    return switch (current.get().getPhase()) {
      case RolledBack -> Decision.kept(current, false, List.of());
      case Promoted -> Decision.kept(current, true, List.of());
      default -> advance(current.get(), steps, analysis);
    };
  }

  /**
   * No stable Deployment whose template is known (a new agent, one deleted, one whose record was edited): it takes
   * the spec's template, which ends a rollout under way, and runs a rolled-back revision on every pod. That is told,
   * as nothing else would show it.
   */
  private Decision withoutStable() {
    var last = seen.last().filter(l -> l.getPhase() != null && l.getPhase() != RolloutPhase.Promoted);
    if (last.isEmpty()) {
      return Decision.none();
    }
    boolean rolledBack = last.get().getPhase() == RolloutPhase.RolledBack && seen.desired().equals(last.get().getRevision());
    var message = "The stable Deployment is gone, or its record of the template it runs unreadable: it takes the spec's"
        + " template, revision " + seen.desired()
        + (rolledBack ? ", which was rolled back: every pod runs it until the spec changes"
            : ": the rollout of revision " + last.get().getRevision() + " ends");
    return Decision.kept(Optional.empty(), true, List.of(new Note(rolledBack, "RolloutAbandoned", message)));
  }

  /**
   * The stable pods run the desired template: only its promotion is still worth telling; a rollout that had not
   * ended (of another template, the spec having gone back; or of this one, its stable Deployment recreated) ends.
   */
  private Decision settled() {
    var stable = seen.stable().get();
    var last = seen.last();
    if (last.isEmpty() || last.get().getPhase() == RolloutPhase.Promoted && stable.equals(last.get().getRevision())) {
      return Decision.kept(last, true, List.of());
    }
    var phase = last.get().getPhase();
    var notes = phase == RolloutPhase.Promoted || phase == RolloutPhase.RolledBack ? List.<Note>of()
        : List.of(new Note(false, "RolloutAbandoned", "The stable pods run revision " + stable
            + ", which the spec asks for: the rollout of revision " + last.get().getRevision() + " ends"));
    return Decision.kept(Optional.empty(), true, notes);
  }

  private Decision start(Optional<RolloutStatus> frozen, List<CanaryStep> steps) {
    var budget = seen.errorBudgetRemaining().filter(RolloutProgress::spent);
    if (budget.isPresent() && !seen.forced()) {
      var status = status(RolloutPhase.Frozen, null, "the error budget remaining is " + budget.get() + ": revision "
          + seen.desired() + " waits until it is above 0, or until the agent is annotated " + FORCE_ANNOTATION + "=" + FORCE);
      var notes = frozen.isPresent() ? List.<Note>of() : List.of(new Note(true, "RolloutFrozen", status.getMessage()));
      return Decision.kept(Optional.of(status), false, notes);
    }
    var first = steps.get(0);
    var status = stepStatus(RolloutPhase.Progressing, first, steps, now, "revision " + seen.desired() + " starts");
    status.setForced(budget.isPresent() ? true : null);
    var forced = budget.isPresent() ? " (forced past the spent error budget, " + budget.get() + ")" : "";
    return running(status, first, List.of(new Note(false, "RolloutStarted", "Rolling out revision " + seen.desired()
        + " beside stable revision " + seen.stable().get() + forced + ": " + status.getMessage())));
  }

  private Decision advance(RolloutStatus current, List<CanaryStep> steps, Supplier<StepAnalysis> analysis) {
    int index = current.getStep() == null ? 0 : Math.max(0, current.getStep());
    if (index >= steps.size() - 1) {
      return promoted(Optional.of(current), steps.get(steps.size() - 1), Optional.empty(), "every step passed");
    }
    var step = steps.get(index);
    String name = "step " + (index + 1) + " of " + steps.size();
    var started = instant(current.getStepStartedAt());
    if (started.isEmpty()) {
      var status = stepStatus(RolloutPhase.Progressing, step, steps, now, name + " starts again, as status.rollout.stepStartedAt ('"
          + current.getStepStartedAt() + "') is no time");
      status.setForced(current.getForced());
      return running(status, step, List.of());
    }
    var due = due(current);
    if (now.isBefore(due)) {
      var waiting = copy(current);
      waiting.setCanaryReplicas(step.canaryPods());
      return new Decision(Optional.of(waiting), false, step.canaryPods(), Optional.of(due), List.of(), Optional.empty());
    }
    var result = analysis.get();
    if (result.verdict() == Verdict.Pass) {
      var next = steps.get(index + 1);
      if (next.promotion()) {
        return promoted(Optional.of(current), next, Optional.of(result), name + " passed: " + result.message());
      }
      var status = stepStatus(RolloutPhase.Progressing, next, steps, now, name + " passed: " + result.message());
      analysed(status, current, result);
      return running(status, next, List.of(new Note(false, "RolloutStepPassed", status.getMessage())));
    }
    if (result.holds()) {
      var status = stepStatus(RolloutPhase.Paused, step, steps, started.get(),
          name + " holds: " + result.message());
      analysed(status, current, result);
      var notes = current.getPhase() == RolloutPhase.Paused ? List.<Note>of()
          : List.of(new Note(false, "RolloutPaused", status.getMessage()));
      return running(status, step, notes);
    }
    var status = status(RolloutPhase.RolledBack, result, name + " failed: " + result.message()
        + "; the canary is removed and the stable pods keep revision " + seen.stable().get());
    status.setStep(index);
    status.setStepStartedAt(current.getStepStartedAt());
    status.setForced(current.getForced());
    return new Decision(Optional.of(status), false, 0, Optional.empty(),
        List.of(new Note(true, "RolloutRolledBack", "Revision " + seen.desired() + " rolled back: " + status.getMessage())),
        Optional.of(result));
  }

  /** @param passed the analysis of the step before the promotion, when that is what promotes */
  private Decision promoted(Optional<RolloutStatus> current, CanaryStep promotion, Optional<StepAnalysis> passed,
      String why) {
    if (current.filter(c -> c.getPhase() == RolloutPhase.Promoted).isPresent()) {
      return Decision.kept(current, true, List.of());
    }
    var status = status(RolloutPhase.Promoted, null, why + "; the stable Deployment takes revision " + seen.desired());
    status.setStep(promotion.index());
    if (passed.isPresent()) {
      status.setChecks(passed.get().checks());
      status.setAnalysedAt(now.toString());
    } else {
      current.ifPresent(c -> {
        status.setChecks(List.copyOf(c.getChecks()));
        status.setAnalysedAt(c.getAnalysedAt());
      });
    }
    current.ifPresent(c -> status.setForced(c.getForced()));
    return Decision.kept(Optional.of(status), true,
        List.of(new Note(false, "RolloutPromoted", "Revision " + seen.desired() + " promoted: " + status.getMessage())));
  }

  private Decision running(RolloutStatus status, CanaryStep step, List<Note> notes) {
    return new Decision(Optional.of(status), false, step.canaryPods(), Optional.of(due(status)), notes, Optional.empty());
  }

  /** The step's first analysis once its interval has passed; after a hold, the next one a little later. */
  private Instant due(RolloutStatus status) {
    var first = Instant.parse(status.getStepStartedAt()).plus(plan.interval());
    var analysed = instant(status.getAnalysedAt());
    if (analysed.isEmpty()) {
      return first;
    }
    var recheck = plan.interval().compareTo(RECHECK) < 0 ? plan.interval() : RECHECK;
    var again = analysed.get().plus(recheck);
    return again.isAfter(first) ? again : first;
  }

  /** A time status.rollout recorded; none when it holds no RFC 3339 time (edited, or written by hand). */
  private static Optional<Instant> instant(String text) {
    try {
      return Optional.ofNullable(text).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private RolloutStatus stepStatus(RolloutPhase phase, CanaryStep step, List<CanaryStep> steps, Instant startedAt,
      String why) {
    var status = status(phase, null, why + "; step " + (step.index() + 1) + " of " + steps.size() + " runs "
        + step.canaryPods() + " canary pod(s), analysed over " + plan.window());
    status.setStep(step.index());
    status.setCanaryReplicas(step.canaryPods());
    status.setStepStartedAt(startedAt.toString());
    return status;
  }

  private void analysed(RolloutStatus status, RolloutStatus current, StepAnalysis result) {
    status.setAnalysedAt(now.toString());
    status.setChecks(result.checks());
    status.setForced(current.getForced());
  }

  private RolloutStatus status(RolloutPhase phase, StepAnalysis result, String message) {
    var status = new RolloutStatus();
    status.setPhase(phase);
    status.setRevision(seen.desired());
    status.setMessage(message);
    if (result != null) {
      status.setAnalysedAt(now.toString());
      status.setChecks(result.checks());
    }
    return status;
  }

  private static RolloutStatus copy(RolloutStatus status) {
    var copy = new RolloutStatus();
    copy.setPhase(status.getPhase());
    copy.setRevision(status.getRevision());
    copy.setStep(status.getStep());
    copy.setCanaryReplicas(status.getCanaryReplicas());
    copy.setStepStartedAt(status.getStepStartedAt());
    copy.setAnalysedAt(status.getAnalysedAt());
    copy.setForced(status.getForced());
    copy.setChecks(List.copyOf(status.getChecks()));
    copy.setMessage(status.getMessage());
    return copy;
  }

  /** A remaining budget such as {@code -12%} or {@code 0%}: spent. */
  static boolean spent(String remaining) {
    try {
      return Double.parseDouble(remaining.strip().replace("%", "")) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
