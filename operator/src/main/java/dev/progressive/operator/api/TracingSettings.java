package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.backend != 'external' || has(self.endpoint)", message = "tracing.endpoint is required with backend external")
public class TracingSettings {
  public static final String DEFAULT_JAEGER_IMAGE = "jaegertracing/jaeger:2.5.0";

  public enum Backend {
    @JsonProperty("jaeger") JAEGER,
    @JsonProperty("external") EXTERNAL
  }

  @Default("jaeger")
  @JsonPropertyDescription("jaeger: the stack runs a Jaeger v2 all-in-one (in memory, for development and small namespaces);"
      + " external: agents export to endpoint.")
  @JsonSetter(nulls = Nulls.SKIP)
  private Backend backend = Backend.JAEGER;

  @Pattern(ObservabilityStackSpec.HTTP_URL_PATTERN)
  @JsonPropertyDescription("With backend external: the OTLP over HTTP endpoint agents export to, e.g. http://otel-collector.observability:4318.")
  private String endpoint;

  @Default("0.1")
  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Fraction of new traces agents sample, unless their own spec.tracing.samplingRatio says otherwise.")
  @JsonSetter(nulls = Nulls.SKIP)
  private Double samplingRatio = 0.1;

  @Default(DEFAULT_JAEGER_IMAGE)
  @JsonPropertyDescription("With backend jaeger: the Jaeger v2 image.")
  @JsonSetter(nulls = Nulls.SKIP)
  private String jaegerImage = DEFAULT_JAEGER_IMAGE;

  public Backend getBackend() { return backend; }
  public void setBackend(Backend backend) { this.backend = backend; }
  public String getEndpoint() { return endpoint; }
  public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
  public Double getSamplingRatio() { return samplingRatio; }
  public void setSamplingRatio(Double samplingRatio) { this.samplingRatio = samplingRatio; }
  public String getJaegerImage() { return jaegerImage; }
  public void setJaegerImage(String jaegerImage) { this.jaegerImage = jaegerImage; }
}
