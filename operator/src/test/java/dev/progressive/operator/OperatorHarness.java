package dev.progressive.operator;

import dev.progressive.operator.dev.DevCluster;
import dev.progressive.operator.dev.GarbageCollectorStandIn;
import dev.progressive.operator.dev.KubeletStandIn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import dev.progressive.operator.intake.AlertIntake;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.server.OperatorHttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The real operator against the embedded API, with the stand-ins for the kubelet and the garbage
 * collector that a real cluster would provide. Integration tests share it.
 */
public final class OperatorHarness implements AutoCloseable {
  private final DevCluster cluster;
  private final KubeletStandIn kubelet;
  private final Set<ResourceID> held = ConcurrentHashMap.newKeySet();
  private final GarbageCollectorStandIn garbageCollector;
  private final ProgressiveOperator.Settings settings;
  private PrometheusMeterRegistry registry;
  private Operator operator;
  private OperatorHttpServer http;

  private OperatorHarness(DevCluster cluster, ProgressiveOperator.Settings settings, UnaryOperator<CustomResourceDefinition> crdForm) {
    this.cluster = cluster;
    this.settings = settings;
    Crds.load().forEach(crd -> cluster.client().resource(crdForm.apply(crd)).create());
    this.kubelet = new KubeletStandIn(cluster.client(), deployment -> !held.contains(ResourceID.fromResource(deployment)));
    this.garbageCollector = new GarbageCollectorStandIn(cluster.client());
    startOperator();
  }

  public static OperatorHarness start() {
    return start(ProgressiveOperator.Settings.embedded());
  }

  public static OperatorHarness start(ProgressiveOperator.Settings settings) {
    return start(settings, UnaryOperator.identity());
  }

  /**
   * With the operator's CRDs installed in the given form: {@code SchemalessCrd::of} makes a cluster whose
   * CRDs have no schema, which admits objects the model cannot read.
   */
  public static OperatorHarness start(ProgressiveOperator.Settings settings, UnaryOperator<CustomResourceDefinition> crdForm) {
    return new OperatorHarness(DevCluster.start(), settings, crdForm);
  }

  /** On a cluster that serves the monitoring APIs from the start, so that the operator's first look sees them. */
  public static OperatorHarness startWithMonitoringApis() {
    var cluster = DevCluster.start();
    MonitoringCrds.install(cluster.client());
    return new OperatorHarness(cluster, ProgressiveOperator.Settings.embedded(), UnaryOperator.identity());
  }

  /** The kubelet stand-in leaves this Deployment's replicas unready, as pods that never start would. */
  public void holdReplicas(String namespace, String deployment) {
    held.add(new ResourceID(deployment, namespace));
  }

  public KubernetesClient client() {
    return cluster.client();
  }

  public DevCluster cluster() {
    return cluster;
  }

  public void startOperator() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operator = ProgressiveOperator.create(cluster.client(), registry, settings);
    operator.start();
  }

  public void stopOperator() {
    stopIntake();
    if (operator != null) {
      operator.stop();
      operator = null;
    }
  }

  /** Serves the alert intake for the running operator, as `run` does; answers its base URL. */
  public URI startIntake(Path tokenFile) {
    var intake = AlertIntake.create(cluster.client(), registry, new IntakeSettings(Optional.of(tokenFile), "default",
        IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
    http = OperatorHttpServer.start("127.0.0.1", 0, operator, registry, intake);
    return URI.create("http://127.0.0.1:" + http.port());
  }

  private void stopIntake() {
    if (http != null) {
      http.close();
      http = null;
    }
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Reconciles that finished without error since the operator last started. */
  public double successfulReconciles() {
    return registry.find("operator.sdk.reconciliations.success").counters().stream().mapToDouble(Counter::count).sum();
  }

  /** Reconciles of one kind that threw this exception, handing it to the framework's retry, since the operator started. */
  public double failedReconciles(String kind, Class<? extends Exception> exception) {
    return registry.find("operator.sdk.reconciliations.failed").tag("kind", kind).tag("exception", exception.getSimpleName())
        .counters().stream().mapToDouble(Counter::count).sum();
  }

  @Override
  public void close() {
    stopOperator();
    garbageCollector.close();
    kubelet.close();
    cluster.close();
  }
}
