package dev.progressive.operator.dev;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.file.Path;

/**
 * Prometheus and Alertmanager for the local pods, wired as in a cluster: Prometheus scrapes every pod
 * a Service selects and evaluates the operator's rules for the agents and stacks that exist when it
 * starts ({@link LocalAlertRules}); Alertmanager calls the operator's webhook with its bearer token.
 */
public final class LocalMonitoring implements AutoCloseable {
  private final LocalAlertmanager alertmanager;
  private final LocalPrometheus prometheus;

  private LocalMonitoring(LocalAlertmanager alertmanager, LocalPrometheus prometheus) {
    this.alertmanager = alertmanager;
    this.prometheus = prometheus;
  }

  /**
   * Where Prometheus will listen: chosen before anything starts, so that the operator, which starts
   * first, can be told where its diagnostics find Prometheus.
   */
  public static URI prometheusAddress() {
    return URI.create("http://127.0.0.1:" + LoopbackPorts.free());
  }

  /** Starts both, their files under {@code directory}; fails naming the Debian package of a missing one. */
  public static LocalMonitoring start(KubernetesClient client, LocalServices services, URI prometheus,
      URI operatorWebhook, Path webhookTokenFile, Path directory, GeneratedRules generated) {
    // Prometheus and Alertmanager resolve relative paths against their configuration file's directory.
    directory = directory.toAbsolutePath();
    var rules = LocalAlertRules.yaml(client.resources(ProgressiveAgent.class).inAnyNamespace().list().getItems(),
        client.resources(ObservabilityStack.class).inAnyNamespace().list().getItems(), generated);
    var alertmanager = LocalAlertmanager.start(directory.resolve("alertmanager"), operatorWebhook, webhookTokenFile);
    try {
      return new LocalMonitoring(alertmanager,
          LocalPrometheus.start(directory.resolve("prometheus"), prometheus, rules, alertmanager.url(), services));
    } catch (RuntimeException e) {
      alertmanager.close();
      throw e;
    }
  }

  public URI prometheus() {
    return prometheus.url();
  }

  public URI alertmanager() {
    return alertmanager.url();
  }

  @Override
  public void close() {
    prometheus.close();
    alertmanager.close();
  }
}
