package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The agent's alert thresholds; a missing one keeps the seed's value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlertThresholds {
  public static final double MIN_RESPONSE_TIME_SECONDS = 0.001;
  public static final double MIN_ERROR_RATIO = 0.0001;
  public static final double MIN_MEMORY_MIB = 1;
  public static final double MIN_FAILURES = 1;

  @Min(MIN_RESPONSE_TIME_SECONDS)
  @JsonPropertyDescription("MCAHighResponseTime fires when the 95th percentile latency stays above this many seconds (seed: 2).")
  private Double responseTimeP95Seconds;

  @Min(MIN_ERROR_RATIO)
  @Max(1)
  @JsonPropertyDescription("MCAHighErrorRate fires when this share of responses are 5xx, e.g. 0.05 for 5% (seed: 0.05).")
  private Double errorRatio;

  @Min(MIN_MEMORY_MIB)
  @JsonPropertyDescription("AgentHighMemoryUsage fires above this resident memory in MiB (seed: 1024).")
  private Double memoryMiB;

  @Min(MIN_FAILURES)
  @JsonPropertyDescription("The NPA and WPA business alerts fire above this many failed requests in 10 minutes (seed: 5).")
  private Double failuresPer10m;

  public Double getResponseTimeP95Seconds() { return responseTimeP95Seconds; }
  public void setResponseTimeP95Seconds(Double responseTimeP95Seconds) { this.responseTimeP95Seconds = responseTimeP95Seconds; }
  public Double getErrorRatio() { return errorRatio; }
  public void setErrorRatio(Double errorRatio) { this.errorRatio = errorRatio; }
  public Double getMemoryMiB() { return memoryMiB; }
  public void setMemoryMiB(Double memoryMiB) { this.memoryMiB = memoryMiB; }
  public Double getFailuresPer10m() { return failuresPer10m; }
  public void setFailuresPer10m(Double failuresPer10m) { this.failuresPer10m = failuresPer10m; }
}
