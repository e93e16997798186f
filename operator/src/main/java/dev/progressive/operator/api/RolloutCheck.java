package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One check of a rollout step, with the evidence: what was asked of Prometheus, what it answered, and the verdict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutCheck {
  public enum Verdict { Pass, Fail, InsufficientData, MetricNotFound }

  @JsonPropertyDescription("What is checked: requests, errorRatioIncrease, latencyP95Increase, burnRate, or canaryProgress (whether the canary Deployment's pods became ready in time).")
  private String name;
  @JsonPropertyDescription("The PromQL instant query that gives the observed value; for canaryProgress, the Deployment condition read.")
  private String query;
  @JsonPropertyDescription("The value the query gave, e.g. 0.012; empty when it gave none.")
  private String observed;
  @JsonPropertyDescription("The value that observed must reach (requests) or must not exceed (the others).")
  private String threshold;
  @JsonPropertyDescription("The range the query looks back over, e.g. 2m: the step's interval.")
  private String window;
  @JsonPropertyDescription("Pass, Fail, InsufficientData (the canary served too few requests; the step holds) or"
      + " MetricNotFound (the query found no series; the step holds).")
  private Verdict verdict;
  @JsonPropertyDescription("The verdict in words.")
  private String message;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getQuery() { return query; }
  public void setQuery(String query) { this.query = query; }
  public String getObserved() { return observed; }
  public void setObserved(String observed) { this.observed = observed; }
  public String getThreshold() { return threshold; }
  public void setThreshold(String threshold) { this.threshold = threshold; }
  public String getWindow() { return window; }
  public void setWindow(String window) { this.window = window; }
  public Verdict getVerdict() { return verdict; }
  public void setVerdict(Verdict verdict) { this.verdict = verdict; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
}
