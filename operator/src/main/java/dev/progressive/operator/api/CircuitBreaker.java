package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class CircuitBreaker {
  public static final int DEFAULT_THRESHOLD = 5;

  @Default("true")
  @JsonPropertyDescription("Whether the agent guards its upstream calls with a circuit breaker.")
  private Boolean enabled = true;

  @Default("5")
  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Consecutive failures that open the breaker.")
  private Integer threshold = DEFAULT_THRESHOLD;

  public Boolean getEnabled() { return enabled; }
  public void setEnabled(Boolean enabled) { this.enabled = enabled; }
  public Integer getThreshold() { return threshold; }
  public void setThreshold(Integer threshold) { this.threshold = threshold; }
}
