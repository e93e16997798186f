package dev.progressive.operator.delivery;

import dev.progressive.operator.api.RolloutCheck;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import dev.progressive.operator.cluster.PrometheusApi.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides a rollout step from Prometheus' answers to its {@link Check}s. A check with no series is
 * MetricNotFound: the contract promises the series, so their absence means the canary is not scraped or not
 * labelled, never that it is healthy. Before the canary has served {@code minRequests} requests in the window,
 * no other check can pass or fail: each is InsufficientData, also without series (a canary that served nothing has
 * none of the series its requests make). With enough data, a value above its threshold
 * fails (a NaN, from a track with no requests to divide by, holds instead).
 *
 * <p>The step fails when any check fails, as the evidence against the version is then in hand; else it holds on
 * a missing metric, then on too little data; it passes only when every check passes.
 */
public final class RolloutAnalysis {
  private static final List<Verdict> PRECEDENCE =
      List.of(Verdict.Fail, Verdict.MetricNotFound, Verdict.InsufficientData, Verdict.Pass);

  /** A check and what Prometheus answered to its query. */
  public record Answer(Check check, List<Sample> samples) {}

  private RolloutAnalysis() {}

  /** The checks of a step, in {@link CheckKind} order, the request count first. */
  public static List<Check> checks(DeliveryPlan plan, CanaryQueries queries) {
    return Arrays.stream(CheckKind.values()).flatMap(kind -> kind.check(plan, queries).stream()).toList();
  }

  public static StepAnalysis analyse(List<Answer> answers) {
    RolloutCheck gate = answers.stream().filter(answer -> answer.check().kind().gate()).findFirst()
        .map(RolloutAnalysis::judgeGate)
        .orElseThrow(() -> new IllegalArgumentException("no " + CheckKind.REQUESTS.checkName() + " answer"));
    List<RolloutCheck> checks = answers.stream()
        .map(answer -> answer.check().kind().gate() ? gate : judge(answer, gate))
        .toList();
    Verdict verdict = PRECEDENCE.stream()
        .filter(candidate -> checks.stream().anyMatch(check -> check.getVerdict() == candidate))
        .findFirst().orElse(Verdict.Pass);
    return new StepAnalysis(verdict, checks, message(verdict, checks, gate));
  }

  private static RolloutCheck judgeGate(Answer answer) {
    Check check = answer.check();
    Optional<Double> served = observed(answer);
    if (served.isEmpty()) {
      return missing(answer);
    }
    String needed = CheckKind.shown(check.threshold());
    String window = check.window();
    if (!(served.get() >= check.threshold())) {
      return record(check, served, Verdict.InsufficientData, "the canary served " + CheckKind.shown(served.get())
          + " of the " + needed + " requests needed in " + window);
    }
    return record(check, served, Verdict.Pass,
        "the canary served " + CheckKind.shown(served.get()) + " requests in " + window + "; " + needed + " needed");
  }

  private static RolloutCheck judge(Answer answer, RolloutCheck gate) {
    Check check = answer.check();
    Optional<Double> value = observed(answer);
    // A canary that served no request has no request series yet: missing only once it has served enough.
    if (gate.getVerdict() != Verdict.Pass) {
      return record(check, value, Verdict.InsufficientData, "not judged until the requests check passes");
    }
    if (value.isEmpty()) {
      return missing(answer);
    }
    String meaning = check.kind().meaning();
    if (value.get().isNaN()) {
      return record(check, value, Verdict.InsufficientData,
          meaning + " is NaN: a track served no requests in " + check.window() + " to compare");
    }
    String limit = CheckKind.shown(check.threshold());
    String shown = CheckKind.shown(value.get());
    return value.get() > check.threshold()
        ? record(check, value, Verdict.Fail, meaning + " is " + shown + ", above the limit of " + limit)
        : record(check, value, Verdict.Pass, meaning + " is " + shown + ", within the limit of " + limit);
  }

  private static RolloutCheck missing(Answer answer) {
    return record(answer.check(), Optional.empty(), Verdict.MetricNotFound,
        "Prometheus has no series for " + answer.check().query());
  }

  /**
   * The queries aggregate to one series per agent; should there be more, the worst counts: the fewest requests,
   * the highest of the other values (a NaN among them holds the step).
   */
  private static Optional<Double> observed(Answer answer) {
    var values = answer.samples().stream().mapToDouble(Sample::value);
    var worst = answer.check().kind().gate() ? values.min() : values.max();
    return worst.isPresent() ? Optional.of(worst.getAsDouble()) : Optional.empty();
  }

  private static RolloutCheck record(Check check, Optional<Double> observed, Verdict verdict, String message) {
    RolloutCheck record = new RolloutCheck();
    record.setName(check.kind().checkName());
    record.setQuery(check.query());
    record.setObserved(observed.map(CheckKind::shown).orElse(null));
    record.setThreshold(CheckKind.shown(check.threshold()));
    record.setWindow(check.window());
    record.setVerdict(verdict);
    record.setMessage(message);
    return record;
  }

  /** The checks behind the verdict; when the request count is one of them, it alone, as the others wait on it. */
  private static String message(Verdict verdict, List<RolloutCheck> checks, RolloutCheck gate) {
    if (verdict == Verdict.Pass) {
      return "every check passed over " + gate.getWindow();
    }
    List<RolloutCheck> behind = gate.getVerdict() == verdict ? List.of(gate)
        : checks.stream().filter(check -> check.getVerdict() == verdict).toList();
    return behind.stream().map(check -> check.getName() + ": " + check.getMessage()).collect(Collectors.joining("; "));
  }
}
