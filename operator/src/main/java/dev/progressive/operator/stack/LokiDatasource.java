package dev.progressive.operator.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.GrafanaObjects;
import dev.progressive.operator.cluster.StackTracing;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Grafana datasource provisioning file for Loki, as a sidecar ConfigMap. A derived field turns
 * the {@code trace_id} of the agents' JSON log lines into a link to the trace; with the stack's own
 * Jaeger, a Jaeger datasource is provisioned alongside for that link to open.
 */
public final class LokiDatasource {
  static final String COMPONENT = "logging";
  static final String FILE = "progressive-datasources.yaml";
  /** Matches the field as the agent runtime writes it: "trace_id":"<32 hex digits>". */
  static final String TRACE_ID_REGEX = "\"trace_id\":\"(\\w+)\"";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private LokiDatasource() {}

  public static String name(ObservabilityStack stack) {
    return stack.getMetadata().getName() + "-datasources";
  }

  static String lokiUid(ObservabilityStack stack) {
    return stack.getMetadata().getNamespace() + "-loki";
  }

  static String jaegerUid(ObservabilityStack stack) {
    return stack.getMetadata().getNamespace() + "-jaeger";
  }

  public static ConfigMap configMap(ObservabilityStack stack) {
    return GrafanaObjects.datasourceConfigMap(name(stack), stack.getMetadata().getNamespace(),
        StackLabels.standard(stack, COMPONENT), FILE, yaml(stack));
  }

  /** The uid of the datasource trace links open, if there is one. */
  static Optional<String> traceDatasource(ObservabilityStack stack) {
    return Optional.ofNullable(stack.getSpec().getLogging().getTraceDatasourceUid())
        .or(() -> StackTracing.runsJaeger(stack) ? Optional.of(jaegerUid(stack)) : Optional.empty());
  }

  static String yaml(ObservabilityStack stack) {
    var datasources = new ArrayList<Map<String, Object>>();
    datasources.add(loki(stack));
    if (StackTracing.runsJaeger(stack)) {
      datasources.add(datasource("Jaeger (" + stack.getMetadata().getNamespace() + ")", jaegerUid(stack), "jaeger",
          Jaeger.queryUrl(stack)));
    }
    try {
      return YAML.writeValueAsString(Map.of("apiVersion", 1, "datasources", datasources));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> loki(ObservabilityStack stack) {
    var loki = datasource("Loki (" + stack.getMetadata().getNamespace() + ")", lokiUid(stack), "loki",
        stack.getSpec().getLogging().getLokiUrl());
    traceDatasource(stack).ifPresent(uid -> {
      var field = new LinkedHashMap<String, Object>();
      field.put("name", "TraceID");
      field.put("matcherRegex", TRACE_ID_REGEX);
      // Grafana expands ${...} in provisioning files; $$ keeps the link's own variable for query time.
      field.put("url", "$${__value.raw}");
      field.put("datasourceUid", uid);
      loki.put("jsonData", Map.of("derivedFields", List.of(field)));
    });
    return loki;
  }

  private static Map<String, Object> datasource(String name, String uid, String type, String url) {
    var datasource = new LinkedHashMap<String, Object>();
    datasource.put("name", name);
    datasource.put("uid", uid);
    datasource.put("type", type);
    datasource.put("access", "proxy");
    datasource.put("url", url);
    return datasource;
  }
}
