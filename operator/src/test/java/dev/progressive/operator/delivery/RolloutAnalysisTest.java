package dev.progressive.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.RolloutCheck;
import dev.progressive.operator.api.RolloutCheck.Verdict;
import dev.progressive.operator.cluster.PrometheusApi;
import dev.progressive.operator.cluster.PrometheusApi.Sample;
import dev.progressive.operator.delivery.RolloutAnalysis.Answer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decisions on a step, from query answers as Prometheus writes them. */
class RolloutAnalysisTest {
  private static final CanaryQueries QUERIES = CanaryQueries.forAgent("shop", "npa", "npa", "2m");
  private static final DeliveryPlan WITH_SLO = DeliveryPlan.of(AgentSpecs.spec(null, 99.9));

  @Test
  void everyKindIsCheckedWithAnSloAndTheBurnRateOnlyWithOne() {
    assertThat(RolloutAnalysis.checks(WITH_SLO, QUERIES)).extracting(check -> check.kind().checkName())
        .containsExactly("requests", "errorRatioIncrease", "latencyP95Increase", "burnRate");
    assertThat(RolloutAnalysis.checks(DeliveryPlan.of(AgentSpecs.spec(null, null)), QUERIES)).extracting(Check::kind)
        .doesNotContain(CheckKind.BURN_RATE).hasSize(3);
    assertThat(RolloutAnalysis.checks(WITH_SLO, QUERIES)).extracting(Check::threshold)
        .containsExactly(50.0, 0.01, 0.1, 14.4);
  }

  @Test
  void passesWhenEveryCheckPassesWithEnoughData() throws IOException {
    StepAnalysis step = analyse(answers("240", "0.004", "0.02", "5"));

    assertThat(step.verdict()).isEqualTo(Verdict.Pass);
    assertThat(step.holds()).isFalse();
    assertThat(step.message()).isEqualTo("every check passed over 2m");
    assertThat(step.checks()).extracting(RolloutCheck::getVerdict).containsOnly(Verdict.Pass);
    RolloutCheck requests = step.checks().get(0);
    assertThat(requests.getObserved()).isEqualTo("240");
    assertThat(requests.getThreshold()).isEqualTo("50");
    assertThat(requests.getWindow()).isEqualTo("2m");
    assertThat(requests.getQuery()).isEqualTo(QUERIES.requests(Track.CANARY));
    assertThat(requests.getMessage()).isEqualTo("the canary served 240 requests in 2m; 50 needed");
  }

  @Test
  void aValueAtItsLimitStillPasses() throws IOException {
    assertThat(analyse(answers("50", "0.01", "0.1", "14.4")).verdict()).isEqualTo(Verdict.Pass);
  }

  @Test
  void failsWhenACheckExceedsItsThresholdWithEnoughData() throws IOException {
    StepAnalysis step = analyse(answers("240", "0.0996", "0.02", "100"));

    assertThat(step.verdict()).isEqualTo(Verdict.Fail);
    assertThat(step.checks()).extracting(RolloutCheck::getVerdict)
        .containsExactly(Verdict.Pass, Verdict.Fail, Verdict.Pass, Verdict.Fail);
    assertThat(step.message()).isEqualTo(
        "errorRatioIncrease: the canary's error ratio minus the stable's is 0.0996, above the limit of 0.01;"
            + " burnRate: the canary's error budget burn rate is 100, above the limit of 14.4");
  }

  @Test
  void holdsWithTooFewRequestsWhateverTheOtherValuesSay() throws IOException {
    StepAnalysis step = analyse(answers("12.5", "0.5", "3", "500"));

    assertThat(step.verdict()).isEqualTo(Verdict.InsufficientData);
    assertThat(step.holds()).isTrue();
    assertThat(step.checks()).extracting(RolloutCheck::getVerdict).containsOnly(Verdict.InsufficientData);
    assertThat(step.message()).isEqualTo("requests: the canary served 12.5 of the 50 requests needed in 2m");
    assertThat(step.checks().get(1).getObserved()).as("the evidence is still shown").isEqualTo("0.5");
    assertThat(step.checks().get(1).getMessage()).isEqualTo("not judged until the requests check passes");
  }

  @Test
  void holdsOnAMissingMetricWithTheQueryInTheMessage() throws IOException {
    Map<CheckKind, String> answers = answers("240", "0.001", null, "1");
    StepAnalysis step = analyse(answers);

    assertThat(step.verdict()).isEqualTo(Verdict.MetricNotFound);
    assertThat(step.holds()).isTrue();
    RolloutCheck latency = step.checks().get(2);
    assertThat(latency.getVerdict()).isEqualTo(Verdict.MetricNotFound);
    assertThat(latency.getObserved()).isNull();
    assertThat(latency.getMessage()).isEqualTo("Prometheus has no series for " + QUERIES.latencyP95Increase());
    assertThat(step.message()).isEqualTo("latencyP95Increase: Prometheus has no series for " + QUERIES.latencyP95Increase());
  }

  @Test
  void noCanaryRequestSeriesAtAllIsAMissingMetricNotTooLittleData() throws IOException {
    StepAnalysis step = analyse(answers(null, null, null, null));

    assertThat(step.verdict()).isEqualTo(Verdict.MetricNotFound);
    assertThat(step.message()).isEqualTo("requests: Prometheus has no series for " + QUERIES.requests(Track.CANARY));
    assertThat(step.checks()).extracting(RolloutCheck::getVerdict)
        .containsExactly(Verdict.MetricNotFound, Verdict.InsufficientData, Verdict.InsufficientData, Verdict.InsufficientData);
  }

  @Test
  void aScrapedCanaryThatServedNothingHoldsForLackOfDataThoughItsRequestSeriesDoNotExistYet() throws IOException {
    StepAnalysis step = analyse(answers("0", null, null, null));

    assertThat(step.verdict()).isEqualTo(Verdict.InsufficientData);
    assertThat(step.checks()).extracting(RolloutCheck::getVerdict).containsOnly(Verdict.InsufficientData);
    assertThat(step.message()).isEqualTo("requests: the canary served 0 of the 50 requests needed in 2m");
  }

  @Test
  void aFailureWithEnoughDataOutweighsAMissingMetric() throws IOException {
    assertThat(analyse(answers("240", "0.2", null, "200")).verdict()).isEqualTo(Verdict.Fail);
  }

  @Test
  void aNaNFromATrackWithoutRequestsHoldsRatherThanPassing() throws IOException {
    StepAnalysis step = analyse(answers("240", "NaN", "0.01", "1"));

    assertThat(step.verdict()).isEqualTo(Verdict.InsufficientData);
    assertThat(step.message()).isEqualTo("errorRatioIncrease: the canary's error ratio minus the stable's is NaN:"
        + " a track served no requests in 2m to compare");
  }

  @Test
  void withSeveralSeriesTheWorstCounts() throws IOException {
    List<Answer> answers = new ArrayList<>();
    for (Check check : RolloutAnalysis.checks(WITH_SLO, QUERIES)) {
      List<Sample> samples = switch (check.kind()) {
        case REQUESTS -> samples("300", "40");
        case ERROR_RATIO_INCREASE -> samples("0", "0.03");
        default -> samples("0");
      };
      answers.add(new Answer(check, samples));
    }

    StepAnalysis step = RolloutAnalysis.analyse(answers);

    assertThat(step.checks().get(0).getObserved()).isEqualTo("40");
    assertThat(step.verdict()).isEqualTo(Verdict.InsufficientData);
  }

  @Test
  void aNegativeIncreaseIsABetterCanaryAndPasses() throws IOException {
    StepAnalysis step = analyse(answers("240", "-0.02", "-0.125", "0"));

    assertThat(step.verdict()).isEqualTo(Verdict.Pass);
    assertThat(step.checks().get(2).getObserved()).isEqualTo("-0.125");
  }

  /** Answers by kind as Prometheus writes one sample's value; null for an answer with no series. */
  private static Map<CheckKind, String> answers(String requests, String errorRatio, String latency, String burnRate) {
    Map<CheckKind, String> answers = new EnumMap<>(CheckKind.class);
    answers.put(CheckKind.REQUESTS, requests);
    answers.put(CheckKind.ERROR_RATIO_INCREASE, errorRatio);
    answers.put(CheckKind.LATENCY_P95_INCREASE, latency);
    answers.put(CheckKind.BURN_RATE, burnRate);
    return answers;
  }

  private static StepAnalysis analyse(Map<CheckKind, String> values) throws IOException {
    List<Answer> answers = new ArrayList<>();
    for (Check check : RolloutAnalysis.checks(WITH_SLO, QUERIES)) {
      String value = values.get(check.kind());
      answers.add(new Answer(check, value == null ? samples() : samples(value)));
    }
    return RolloutAnalysis.analyse(answers);
  }

  /** Parsed from an /api/v1/query answer, one series per value. */
  private static List<Sample> samples(String... values) throws IOException {
    List<String> results = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      results.add("{\"metric\":{\"agent_type\":\"npa\",\"namespace\":\"shop\",\"pod\":\"p" + i + "\"},"
          + "\"value\":[1764694800.123,\"" + values[i] + "\"]}");
    }
    return PrometheusApi.samples("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + String.join(",", results) + "]}}");
  }
}
