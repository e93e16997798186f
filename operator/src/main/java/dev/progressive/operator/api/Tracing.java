package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Tracing {
  @Pattern(Upstream.URL_PATTERN)
  @JsonPropertyDescription("OTLP/HTTP endpoint the agent exports spans to, e.g. http://jaeger-collector:4318. No endpoint, no export.")
  private String endpoint;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Fraction of new traces to sample, from 0 to 1.")
  private Double samplingRatio;

  public String getEndpoint() { return endpoint; }
  public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
  public Double getSamplingRatio() { return samplingRatio; }
  public void setSamplingRatio(Double samplingRatio) { this.samplingRatio = samplingRatio; }
}
