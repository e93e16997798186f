package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * A Grafana dashboard model, as a sidecar ConfigMap's data ({@code <fileName>}) or a
 * GrafanaDashboard's {@code spec.json} expects it.
 */
public record Dashboard(String fileName, ObjectNode model) {

  public String uid() {
    return model.get("uid").asText();
  }

  public String title() {
    return model.get("title").asText();
  }

  public String json() {
    try {
      return Serialization.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
