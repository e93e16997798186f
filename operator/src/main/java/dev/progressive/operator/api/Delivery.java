package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;

/** How a change of the pod template reaches the agent's pods, and what evidence each step needs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Delivery {
  public static final int MAX_STEPS = 10;
  public static final int MAX_STEP_PODS = 100;
  public static final String STEP_PERCENT_PATTERN = "^([1-9][0-9]?|100)%$";
  public static final int MAX_MIN_REQUESTS = 1000000;
  public static final int MAX_LATENCY_INCREASE_SECONDS = 60;

  public enum Strategy {
    @JsonProperty("canary") CANARY,
    @JsonProperty("all-at-once") ALL_AT_ONCE
  }

  // No CRD default: it depends on spec.monitoring.slo, so the operator resolves it.
  @JsonPropertyDescription("canary: the new pod template runs first in the Deployment <agent>-canary behind the same"
      + " Service, step by step, each step analysed against the stable pods; all-at-once: the Deployment rolls out"
      + " the new template itself. Default: canary when spec.monitoring.slo is set, else all-at-once.")
  private Strategy strategy;

  @Default("[1, \"50%\", \"100%\"]")
  @Size(min = 1, max = MAX_STEPS)
  @ValidationRule(value = "self.all(s, type(s) == int ? s >= 1 && s <= " + MAX_STEP_PODS + " : s.matches('"
      + STEP_PERCENT_PATTERN + "'))",
      message = "each step is a pod count from 1 to 100 or a percentage from 1% to 100%")
  @JsonPropertyDescription("The canary's share of the pods at each step: a pod count, or a percentage of spec.replicas"
      + " rounded up. The canary always has at least 1 pod, and fewer than spec.replicas while the stable pods serve"
      + " beside it; a step of 100% is the promotion, when the stable Deployment takes the new template."
      + " The traffic share is the pod share. Default: 1, 50%, 100%.")
  private List<IntOrString> steps = new ArrayList<>(List.of(new IntOrString(1), new IntOrString("50%"),
      new IntOrString("100%")));

  @Default("2m")
  @Pattern(Step.DURATION_PATTERN)
  @ValidationRule(value = "!self.matches('^0+(ms|s|m|h)$')", message = "interval must be longer than 0")
  @JsonPropertyDescription("How long each step runs before it is analysed; also the window of its queries, e.g. 2m.")
  private String interval = "2m";

  @Default("50")
  @Min(1)
  @Max(MAX_MIN_REQUESTS)
  @JsonPropertyDescription("Requests the canary must serve within interval before a step can pass or fail; with fewer,"
      + " the step holds (InsufficientData).")
  private Integer minRequests = 50;

  @Default("0.01")
  @Min(0)
  @Max(1)
  @JsonPropertyDescription("How much higher the canary's share of 5xx answers may be than the stable's over the same"
      + " window, as a ratio: 0.01 allows one percentage point more.")
  private Double maxErrorRatioIncrease = 0.01;

  @Default("0.1")
  @Min(0)
  @Max(MAX_LATENCY_INCREASE_SECONDS)
  @JsonPropertyDescription("Seconds by which the canary's p95 latency may exceed the stable's over the same window.")
  private Double maxLatencyP95Increase = 0.1;

  public Strategy getStrategy() { return strategy; }
  public void setStrategy(Strategy strategy) { this.strategy = strategy; }
  public List<IntOrString> getSteps() { return steps; }
  public void setSteps(List<IntOrString> steps) { this.steps = steps; }
  public String getInterval() { return interval; }
  public void setInterval(String interval) { this.interval = interval; }
  public Integer getMinRequests() { return minRequests; }
  public void setMinRequests(Integer minRequests) { this.minRequests = minRequests; }
  public Double getMaxErrorRatioIncrease() { return maxErrorRatioIncrease; }
  public void setMaxErrorRatioIncrease(Double maxErrorRatioIncrease) { this.maxErrorRatioIncrease = maxErrorRatioIncrease; }
  public Double getMaxLatencyP95Increase() { return maxLatencyP95Increase; }
  public void setMaxLatencyP95Increase(Double maxLatencyP95Increase) { this.maxLatencyP95Increase = maxLatencyP95Increase; }
}
