package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A service level objective over the agent's requests. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.latencyP95) || self.latencyP95 in [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0]",
    message = "slo.latencyP95 must be a bucket bound of agent_request_duration_seconds")
public class Slo {
  @Required
  @Min(50)
  @Max(99.999)
  @JsonPropertyDescription("Percent of requests that must not fail with a 5xx, e.g. 99.9.")
  private Double availability;

  @JsonPropertyDescription("Seconds that 95% of requests must beat; must be a bucket bound of"
      + " agent_request_duration_seconds: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5 or 10.")
  private Double latencyP95;

  public Double getAvailability() { return availability; }
  public void setAvailability(Double availability) { this.availability = availability; }
  public Double getLatencyP95() { return latencyP95; }
  public void setLatencyP95(Double latencyP95) { this.latencyP95 = latencyP95; }
}
