package dev.progressive.operator;

import dev.progressive.operator.dev.DevCluster;
import dev.progressive.operator.dev.GarbageCollectorStandIn;
import dev.progressive.operator.dev.KubeletStandIn;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The real operator against the embedded API, with the stand-ins for the kubelet and the garbage
 * collector that a real cluster would provide. Integration tests share it.
 */
public final class OperatorHarness implements AutoCloseable {
  private final DevCluster cluster;
  private final KubeletStandIn kubelet;
  private final GarbageCollectorStandIn garbageCollector;
  private final ProgressiveOperator.Settings settings;
  private SimpleMeterRegistry registry;
  private Operator operator;

  private OperatorHarness(DevCluster cluster, ProgressiveOperator.Settings settings) {
    this.cluster = cluster;
    this.settings = settings;
    Crds.load().forEach(crd -> cluster.client().resource(crd).create());
    this.kubelet = new KubeletStandIn(cluster.client());
    this.garbageCollector = new GarbageCollectorStandIn(cluster.client());
    startOperator();
  }

  public static OperatorHarness start() {
    return start(ProgressiveOperator.Settings.embedded());
  }

  public static OperatorHarness start(ProgressiveOperator.Settings settings) {
    return new OperatorHarness(DevCluster.start(), settings);
  }

  public KubernetesClient client() {
    return cluster.client();
  }

  public DevCluster cluster() {
    return cluster;
  }

  public void startOperator() {
    registry = new SimpleMeterRegistry();
    operator = ProgressiveOperator.create(cluster.client(), registry, settings);
    operator.start();
  }

  public void stopOperator() {
    operator.stop();
  }

  public SimpleMeterRegistry registry() {
    return registry;
  }

  /** Reconciles that finished without error since the operator last started. */
  public double successfulReconciles() {
    return registry.find("operator.sdk.reconciliations.success").counters().stream().mapToDouble(Counter::count).sum();
  }

  @Override
  public void close() {
    operator.stop();
    garbageCollector.close();
    kubelet.close();
    cluster.close();
  }
}
