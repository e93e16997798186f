package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.latencyP95) || self.latencyP95 in [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0]",
    message = "sla.latencyP95 must be a bucket bound of agent_request_duration_seconds")
public class Sla {
  @Default("99.9")
  @Min(50)
  @Max(99.999)
  @JsonPropertyDescription("Percent of the namespace's requests that must not fail with a 5xx (seed: 99.9).")
  @JsonSetter(nulls = Nulls.SKIP)
  private Double availability = 99.9;

  @Default("0.5")
  @JsonPropertyDescription("Seconds that 95% of requests must beat (seed: 0.5); a bucket bound of agent_request_duration_seconds.")
  @JsonSetter(nulls = Nulls.SKIP)
  private Double latencyP95 = 0.5;

  public Double getAvailability() { return availability; }
  public void setAvailability(Double availability) { this.availability = availability; }
  public Double getLatencyP95() { return latencyP95; }
  public void setLatencyP95(Double latencyP95) { this.latencyP95 = latencyP95; }
}
