package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas",
    message = "scaling.minReplicas must not exceed scaling.maxReplicas")
public class Scaling {
  public static final int DEFAULT_MIN = 1;
  public static final int DEFAULT_MAX = 10;

  @Default("1")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Fewest replicas any change may leave.")
  private Integer minReplicas = DEFAULT_MIN;

  @Default("10")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Most replicas any change, remediation included, may ask for.")
  private Integer maxReplicas = DEFAULT_MAX;

  public Integer getMinReplicas() { return minReplicas; }
  public void setMinReplicas(Integer minReplicas) { this.minReplicas = minReplicas; }
  public Integer getMaxReplicas() { return maxReplicas; }
  public void setMaxReplicas(Integer maxReplicas) { this.maxReplicas = maxReplicas; }
}
