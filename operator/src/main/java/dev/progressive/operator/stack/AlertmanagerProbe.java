package dev.progressive.operator.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.monitoring.AlertRouting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the stack's Alertmanager ({@code spec.alerting.alertmanagerUrl}) whether its configuration holds
 * the operator's webhook receiver. Never fails a reconcile: an Alertmanager that cannot be asked only
 * says so, and the heartbeat decides.
 */
final class AlertmanagerProbe {
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  AlertmanagerCheck check(ObservabilityStack stack) {
    var url = Optional.ofNullable(stack.getSpec().getAlerting()).map(a -> a.getAlertmanagerUrl());
    if (url.isEmpty()) {
      return AlertmanagerCheck.NOTHING_TO_ADD;
    }
    var request = HttpRequest.newBuilder(URI.create(url.get().replaceAll("/+$", "") + "/api/v2/status"))
        .timeout(TIMEOUT).GET().build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return AlertmanagerCheck.unreachable(url.get(), "HTTP " + response.statusCode());
      }
      var config = YAML.readTree(JSON.readTree(response.body()).path("config").path("original").asText(""));
      return hasReceiver(config, stack) ? AlertmanagerCheck.NOTHING_TO_ADD
          : AlertmanagerCheck.missing(AlertRouting.REMEDIATION_RECEIVER);
    } catch (IOException e) {
      return AlertmanagerCheck.unreachable(url.get(), e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AlertmanagerCheck.unreachable(url.get(), "interrupted");
    }
  }

  /**
   * The receiver as a plain alertmanager.yml names it, or as prometheus-operator names it after the
   * stack's AlertmanagerConfig: {@code <namespace>/<config>/<receiver>}.
   */
  private static boolean hasReceiver(JsonNode config, ObservabilityStack stack) {
    var generated = stack.getMetadata().getNamespace() + "/" + StackAlerting.name(stack) + "/" + AlertRouting.REMEDIATION_RECEIVER;
    for (var receiver : config == null ? JSON.createArrayNode() : config.path("receivers")) {
      var name = receiver.path("name").asText();
      if (name.equals(AlertRouting.REMEDIATION_RECEIVER) || name.equals(generated)) {
        return true;
      }
    }
    return false;
  }
}
