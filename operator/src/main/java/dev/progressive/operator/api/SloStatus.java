package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where the agent's SLO stands, from the burn-rate recording rules of its PrometheusRule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SloStatus {
  @JsonPropertyDescription("Share of the error budget not yet spent over the last 3 days (the longest recorded window),"
      + " e.g. 73%; negative once overspent.")
  private String errorBudgetRemaining;

  @JsonPropertyDescription("How fast the error budget burns over the last hour: the error ratio divided by the budget (1 spends"
      + " it exactly over the SLO's period).")
  private String burnRate1h;

  @JsonPropertyDescription("The same over the last 6 hours.")
  private String burnRate6h;

  public String getErrorBudgetRemaining() { return errorBudgetRemaining; }
  public void setErrorBudgetRemaining(String errorBudgetRemaining) { this.errorBudgetRemaining = errorBudgetRemaining; }
  public String getBurnRate1h() { return burnRate1h; }
  public void setBurnRate1h(String burnRate1h) { this.burnRate1h = burnRate1h; }
  public String getBurnRate6h() { return burnRate6h; }
  public void setBurnRate6h(String burnRate6h) { this.burnRate6h = burnRate6h; }
}
