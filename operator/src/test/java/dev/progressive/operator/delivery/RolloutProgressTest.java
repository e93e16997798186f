package dev.progressive.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.Delivery;
import dev.progressive.operator.api.RolloutCheck;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import dev.progressive.operator.api.RolloutPhase;
import dev.progressive.operator.api.RolloutStatus;
import dev.progressive.operator.delivery.RolloutProgress.Decision;
import dev.progressive.operator.delivery.RolloutProgress.Note;
import dev.progressive.operator.delivery.RolloutProgress.Seen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every turn of a rollout, decided from what the Deployments run, the last status and the analysis. */
class RolloutProgressTest {
  private static final DeliveryPlan CANARY = DeliveryPlan.of(AgentSpecs.spec(null, 99.9));
  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(2);

  private final AtomicInteger analyses = new AtomicInteger();

  @Test
  void anAgentWithoutStablePodsTakesTheTemplateAtOnce() {
    Decision decision = decide(seen(Optional.empty(), Optional.empty()), START, pass());

    assertThat(decision.stableTakesDesired()).isTrue();
    assertThat(decision.canaryPods()).isZero();
    assertThat(decision.status()).isEmpty();
    assertThat(decision.notes()).isEmpty();
  }

  @Test
  void aNewTemplateStartsTheFirstStepWithOneCanaryPodAndWaitsForItsInterval() {
    Decision decision = decide(seen(Optional.of("old"), Optional.empty()), START, pass());

    assertThat(decision.stableTakesDesired()).isFalse();
    assertThat(decision.canaryPods()).isEqualTo(1);
    RolloutStatus status = decision.status().orElseThrow();
    assertThat(status.getPhase()).isEqualTo(RolloutPhase.Progressing);
    assertThat(status.getRevision()).isEqualTo("new");
    assertThat(status.getStep()).isZero();
    assertThat(status.getStepStartedAt()).isEqualTo(START.toString());
    assertThat(decision.recheck()).contains(START.plus(INTERVAL));
    assertThat(decision.notes()).extracting(Note::reason).containsExactly("RolloutStarted");
    assertThat(analyses).hasValue(0);
  }

  @Test
  void beforeTheIntervalEndsNothingIsAnalysed() {
    RolloutStatus running = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();

    Decision decision = decide(seen(Optional.of("old"), Optional.of(running)), START.plus(INTERVAL).minusSeconds(1), pass());

    assertThat(analyses).hasValue(0);
    assertThat(decision.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Progressing);
    assertThat(decision.canaryPods()).isEqualTo(1);
    assertThat(decision.notes()).isEmpty();
  }

  @Test
  void passingStepsMoveOnAndThePassBeforeThePromotionPromotes() {
    RolloutStatus first = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();
    Instant secondStart = START.plus(INTERVAL);
    Decision second = decide(seen(Optional.of("old"), Optional.of(first)), secondStart, pass());

    assertThat(second.status().orElseThrow().getStep()).isEqualTo(1);
    assertThat(second.canaryPods()).as("50% of 4 replicas").isEqualTo(2);
    assertThat(second.status().orElseThrow().getChecks()).extracting(RolloutCheck::getVerdict).containsOnly(Verdict.Pass);
    assertThat(second.notes()).extracting(Note::reason).containsExactly("RolloutStepPassed");

    Decision promoted = decide(seen(Optional.of("old"), second.status()), secondStart.plus(INTERVAL), pass());

    assertThat(promoted.stableTakesDesired()).isTrue();
    assertThat(promoted.canaryPods()).isZero();
    assertThat(promoted.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Promoted);
    assertThat(promoted.status().orElseThrow().getAnalysedAt()).isEqualTo(secondStart.plus(INTERVAL).toString());
    assertThat(promoted.status().orElseThrow().getChecks()).as("the evidence of the last step").isNotEmpty();
    assertThat(promoted.notes()).extracting(Note::reason).containsExactly("RolloutPromoted");
    assertThat(analyses).hasValue(2);

    Decision afterwards = decide(seen(Optional.of("new"), promoted.status()), secondStart.plus(INTERVAL.multipliedBy(5)), pass());
    assertThat(afterwards.status()).isEqualTo(promoted.status());
    assertThat(afterwards.notes()).isEmpty();
  }

  @Test
  void aFailedStepRollsBackAndStaysRolledBackUntilTheSpecChanges() {
    RolloutStatus first = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();

    Decision failed = decide(seen(Optional.of("old"), Optional.of(first)), START.plus(INTERVAL), verdict(Verdict.Fail));

    assertThat(failed.stableTakesDesired()).isFalse();
    assertThat(failed.canaryPods()).isZero();
    assertThat(failed.failed()).isPresent();
    RolloutStatus rolledBack = failed.status().orElseThrow();
    assertThat(rolledBack.getPhase()).isEqualTo(RolloutPhase.RolledBack);
    assertThat(rolledBack.getMessage()).startsWith("step 1 of 3 failed: ").endsWith("the stable pods keep revision old");
    assertThat(rolledBack.getChecks()).isNotEmpty();
    assertThat(failed.notes()).extracting(Note::warning).containsExactly(true);

    Decision later = decide(seen(Optional.of("old"), failed.status()), START.plus(INTERVAL.multipliedBy(9)), pass());
    assertThat(later.status()).contains(rolledBack);
    assertThat(later.stableTakesDesired()).isFalse();
    assertThat(later.canaryPods()).isZero();
    assertThat(later.notes()).isEmpty();

    Decision nextVersion = decide(new Seen("newer", Optional.of("old"), failed.status(), 4, Optional.empty(), false, true),
        START.plus(INTERVAL.multipliedBy(10)), pass());
    assertThat(nextVersion.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Progressing);
    assertThat(nextVersion.status().orElseThrow().getRevision()).isEqualTo("newer");
  }

  @Test
  void aStepThatHoldsIsPausedAndAnalysedAgainAfterTheRecheck() {
    RolloutStatus first = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();
    Instant due = START.plus(INTERVAL);

    Decision paused = decide(seen(Optional.of("old"), Optional.of(first)), due, verdict(Verdict.InsufficientData));

    RolloutStatus status = paused.status().orElseThrow();
    assertThat(status.getPhase()).isEqualTo(RolloutPhase.Paused);
    assertThat(status.getStep()).isZero();
    assertThat(status.getStepStartedAt()).as("the step's window keeps its start").isEqualTo(START.toString());
    assertThat(status.getMessage()).startsWith("step 1 of 3 holds: ");
    assertThat(paused.canaryPods()).isEqualTo(1);
    assertThat(paused.recheck()).contains(due.plus(RolloutProgress.RECHECK));
    assertThat(paused.notes()).extracting(Note::reason).containsExactly("RolloutPaused");

    Decision stillTooSoon = decide(seen(Optional.of("old"), paused.status()), due.plusSeconds(29), pass());
    assertThat(stillTooSoon.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Paused);
    Decision holdsAgain = decide(seen(Optional.of("old"), paused.status()), due.plusSeconds(30), verdict(Verdict.MetricNotFound));
    assertThat(holdsAgain.notes()).as("one Event when the step starts holding").isEmpty();
    assertThat(analyses).hasValue(2);

    Decision passes = decide(seen(Optional.of("old"), holdsAgain.status()), due.plusSeconds(60), pass());
    assertThat(passes.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Progressing);
    assertThat(passes.status().orElseThrow().getStep()).isEqualTo(1);
  }

  @Test
  void aSpentBudgetFreezesANewRolloutUntilItRecoversOrTheRolloutIsForced() {
    Seen spent = new Seen("new", Optional.of("old"), Optional.empty(), 4, Optional.of("-12.5%"), false, true);

    Decision frozen = decide(spent, START, pass());

    assertThat(frozen.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Frozen);
    assertThat(frozen.status().orElseThrow().getMessage()).contains("-12.5%", "progressive.dev/rollout=force");
    assertThat(frozen.stableTakesDesired()).isFalse();
    assertThat(frozen.canaryPods()).isZero();
    assertThat(frozen.notes()).extracting(Note::warning).containsExactly(true);
    Decision stillFrozen = decide(new Seen("new", Optional.of("old"), frozen.status(), 4, Optional.of("0%"), false, true), START, pass());
    assertThat(stillFrozen.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Frozen);
    assertThat(stillFrozen.notes()).isEmpty();

    Decision forced = decide(new Seen("new", Optional.of("old"), frozen.status(), 4, Optional.of("-12.5%"), true, true), START, pass());
    assertThat(forced.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Progressing);
    assertThat(forced.status().orElseThrow().getForced()).isTrue();
    assertThat(forced.notes().get(0).message()).contains("forced past the spent error budget");

    Decision recovered = decide(new Seen("new", Optional.of("old"), frozen.status(), 4, Optional.of("3%"), false, true), START, pass());
    assertThat(recovered.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Progressing);
    assertThat(recovered.status().orElseThrow().getForced()).isNull();
  }

  @Test
  void aRollbackIsNeverFrozen() {
    RolloutStatus first = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();

    Decision failed = decide(new Seen("new", Optional.of("old"), Optional.of(first), 4, Optional.of("-50%"), false, true),
        START.plus(INTERVAL), verdict(Verdict.Fail));

    assertThat(failed.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.RolledBack);
  }

  @Test
  void allAtOnceOrWithoutReplicasTheStableDeploymentTakesTheTemplate() {
    var allAtOnce = new Delivery();
    allAtOnce.setStrategy(Delivery.Strategy.ALL_AT_ONCE);
    Decision direct = RolloutProgress.decide(DeliveryPlan.of(AgentSpecs.spec(allAtOnce, 99.9)),
        seen(Optional.of("old"), Optional.empty()), START, pass());
    Decision none = decide(new Seen("new", Optional.of("old"), Optional.empty(), 0, Optional.empty(), false, true), START, pass());

    for (Decision decision : List.of(direct, none)) {
      assertThat(decision.stableTakesDesired()).isTrue();
      assertThat(decision.canaryPods()).isZero();
      assertThat(decision.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Promoted);
    }
    assertThat(analyses).hasValue(0);
  }

  @Test
  void withNoStablePodReadyTheStableDeploymentTakesANewTemplateAtOnce() {
    Decision unserved = decide(new Seen("new", Optional.of("old"), Optional.empty(), 4, Optional.empty(), false, false),
        START, pass());

    assertThat(unserved.stableTakesDesired()).isTrue();
    assertThat(unserved.canaryPods()).isZero();
    assertThat(unserved.status()).as("no rollout to tell of").isEmpty();
    assertThat(analyses).hasValue(0);
  }

  @Test
  void aRolloutUnderWayKeepsItsCourseWhenTheStablePodsStopServing() {
    RolloutStatus running = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();
    Seen unserved = new Seen("new", Optional.of("old"), Optional.of(running), 4, Optional.of("80%"), false, false);

    Decision later = decide(unserved, START.plus(Duration.ofSeconds(10)), pass());

    assertThat(later.stableTakesDesired()).isFalse();
    assertThat(later.canaryPods()).isPositive();
    assertThat(later.status().orElseThrow().getPhase()).isEqualTo(RolloutPhase.Progressing);
  }

  @Test
  void aTemplateBackAtTheStableRevisionEndsTheRollout() {
    RolloutStatus running = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();

    Decision reverted = decide(new Seen("old", Optional.of("old"), Optional.of(running), 4, Optional.empty(), false, true),
        START.plusSeconds(10), pass());

    assertThat(reverted.status()).isEmpty();
    assertThat(reverted.canaryPods()).isZero();
    assertThat(reverted.stableTakesDesired()).isTrue();
    assertThat(reverted.notes()).extracting(Note::reason).containsExactly("RolloutAbandoned");
  }

  @Test
  void aRolloutWhoseStableDeploymentWasRecreatedWithTheNewTemplateEnds() {
    RolloutStatus running = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();

    Decision recreated = decide(seen(Optional.empty(), Optional.of(running)), START.plusSeconds(10), pass());
    Decision afterwards = decide(seen(Optional.of("new"), Optional.of(running)), START.plusSeconds(20), pass());
    Decision told = decide(seen(Optional.of("new"), recreated.status()), START.plusSeconds(30), pass());

    assertThat(recreated.status()).isEmpty();
    assertThat(recreated.stableTakesDesired()).isTrue();
    assertThat(recreated.notes()).singleElement().satisfies(note -> {
      assertThat(note.reason()).isEqualTo("RolloutAbandoned");
      assertThat(note.warning()).isFalse();
      assertThat(note.message()).isEqualTo("The stable Deployment is gone, or its record of the template it runs"
          + " unreadable: it takes the spec's template, revision new: the rollout of revision new ends");
    });
    assertThat(afterwards.status()).isEmpty();
    assertThat(afterwards.notes()).extracting(Note::reason).containsExactly("RolloutAbandoned");
    assertThat(told.notes()).as("told once").isEmpty();
  }

  @Test
  void aRolledBackRevisionWhoseStableDeploymentIsDeletedRunsOnEveryPodWithAWarning() {
    RolloutStatus first = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();
    RolloutStatus rolledBack = decide(seen(Optional.of("old"), Optional.of(first)), START.plus(INTERVAL), verdict(Verdict.Fail))
        .status().orElseThrow();

    Decision deleted = decide(seen(Optional.empty(), Optional.of(rolledBack)), START.plus(INTERVAL.multipliedBy(2)), pass());

    assertThat(deleted.stableTakesDesired()).isTrue();
    assertThat(deleted.status()).isEmpty();
    assertThat(deleted.notes()).singleElement().satisfies(note -> {
      assertThat(note.warning()).isTrue();
      assertThat(note.message()).endsWith("revision new, which was rolled back: every pod runs it until the spec changes");
    });
  }

  @Test
  void aNewAgentOrAPromotedOneWithoutItsStableDeploymentTellsNothing() {
    RolloutStatus promoted = new RolloutStatus();
    promoted.setPhase(RolloutPhase.Promoted);
    promoted.setRevision("new");

    assertThat(decide(seen(Optional.empty(), Optional.empty()), START, pass()).notes()).isEmpty();
    assertThat(decide(seen(Optional.empty(), Optional.of(promoted)), START, pass()).notes()).isEmpty();
  }

  @Test
  void aStepWhoseRecordedStartIsNoTimeStartsAgainInsteadOfFailingEveryReconcile() {
    RolloutStatus second = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();
    second.setStep(1);
    second.setStepStartedAt("yesterday");
    second.setAnalysedAt("soon");
    Instant now = START.plus(INTERVAL.multipliedBy(3));

    Decision again = decide(seen(Optional.of("old"), Optional.of(second)), now, pass());

    RolloutStatus status = again.status().orElseThrow();
    assertThat(status.getPhase()).isEqualTo(RolloutPhase.Progressing);
    assertThat(status.getStep()).as("the step it was at").isEqualTo(1);
    assertThat(status.getStepStartedAt()).isEqualTo(now.toString());
    assertThat(status.getMessage()).startsWith("step 2 of 3 starts again, as status.rollout.stepStartedAt ('yesterday') is no time");
    assertThat(again.canaryPods()).isEqualTo(2);
    assertThat(again.recheck()).contains(now.plus(INTERVAL));
    assertThat(analyses).as("a window that may not have run is not analysed").hasValue(0);

    second.setStepStartedAt(START.toString());
    Decision analysed = decide(seen(Optional.of("old"), Optional.of(second)), now, pass());
    assertThat(analysed.status().orElseThrow().getPhase()).as("an unreadable analysis time reads as none")
        .isEqualTo(RolloutPhase.Promoted);
  }

  @Test
  void aNegativeRecordedStepIsTheFirst() {
    RolloutStatus running = decide(seen(Optional.of("old"), Optional.empty()), START, pass()).status().orElseThrow();
    running.setStep(-3);

    Decision decision = decide(seen(Optional.of("old"), Optional.of(running)), START.plus(INTERVAL), pass());

    assertThat(decision.status().orElseThrow().getStep()).as("the first step passed").isEqualTo(1);
  }

  @Test
  void theBudgetIsSpentAtOrBelowZero() {
    assertThat(RolloutProgress.spent("0%")).isTrue();
    assertThat(RolloutProgress.spent("-0.5%")).isTrue();
    assertThat(RolloutProgress.spent("0.1%")).isFalse();
    assertThat(RolloutProgress.spent("unknown")).isFalse();
  }

  private static Seen seen(Optional<String> stable, Optional<RolloutStatus> last) {
    return new Seen("new", stable, last, 4, Optional.of("80%"), false, true);
  }

  private Decision decide(Seen seen, Instant now, Supplier<StepAnalysis> analysis) {
    return RolloutProgress.decide(CANARY, seen, now, analysis);
  }

  private Supplier<StepAnalysis> pass() {
    return verdict(Verdict.Pass);
  }

  private Supplier<StepAnalysis> verdict(Verdict verdict) {
    return () -> {
      analyses.incrementAndGet();
      var check = new RolloutCheck();
      check.setName("errorRatioIncrease");
      check.setVerdict(verdict);
      return new StepAnalysis(verdict, List.of(check), "errorRatioIncrease: " + verdict);
    };
  }
}
