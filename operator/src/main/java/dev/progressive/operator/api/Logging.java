package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Logging {
  @Required
  @Pattern(ObservabilityStackSpec.HTTP_URL_PATTERN)
  @JsonPropertyDescription("URL of Loki as Grafana reaches it, e.g. http://loki.logging:3100.")
  private String lokiUrl;

  @JsonPropertyDescription("uid of the Grafana datasource that holds the traces trace_id links to. Default: the Jaeger"
      + " datasource provisioned with Loki when tracing.backend is jaeger; with an external backend, no link without it.")
  private String traceDatasourceUid;

  public String getTraceDatasourceUid() { return traceDatasourceUid; }
  public void setTraceDatasourceUid(String traceDatasourceUid) { this.traceDatasourceUid = traceDatasourceUid; }
  public String getLokiUrl() { return lokiUrl; }
  public void setLokiUrl(String lokiUrl) { this.lokiUrl = lokiUrl; }
}
