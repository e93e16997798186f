package dev.progressive.bench.scale;

import dev.progressive.bench.BenchAgents;
import dev.progressive.operator.Crds;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.dev.DevCluster;
import dev.progressive.operator.dev.KubeletStandIn;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh embedded API with the CRDs and the kubelet stand-in, plus a watch that sees agents turn
 * Ready. Each measurement gets its own, because the mock slows down with what it stores.
 */
final class ScaleCluster implements AutoCloseable {
  private final DevCluster cluster = DevCluster.start();
  private final KubeletStandIn kubelet;
  private final SharedIndexInformer<ProgressiveAgent> readyWatch;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  ScaleCluster() {
    Crds.load().forEach(crd -> cluster.client().resource(crd).create());
    // Only the benchmark's namespace: the others hold objects that are not the operator's (--unrelated),
    // and reporting their Deployments ready would add writes that neither measured client caused.
    kubelet = new KubeletStandIn(cluster.client(),
        deployment -> BenchAgents.NAMESPACE.equals(deployment.getMetadata().getNamespace()));
    readyWatch = cluster.client().resources(ProgressiveAgent.class).inNamespace(BenchAgents.NAMESPACE)
        .inform(new ResourceEventHandler<>() {
          @Override
          public void onAdd(ProgressiveAgent agent) {
            see(agent);
          }

          @Override
          public void onUpdate(ProgressiveAgent previous, ProgressiveAgent agent) {
            see(agent);
          }

          @Override
          public void onDelete(ProgressiveAgent agent, boolean finalStateUnknown) {
            ready.remove(agent.getMetadata().getName());
          }
        }, 0);
  }

  private void see(ProgressiveAgent agent) {
    if (agent.getStatus() != null && Conditions.isTrue(agent.getStatus().getConditions(), Conditions.READY)) {
      ready.add(agent.getMetadata().getName());
    }
  }

  /** The embedded API's address, for the child JVMs' clients. */
  String url() {
    return cluster.url().toString();
  }

  DevCluster dev() {
    return cluster;
  }

  /** Waits until {@code agents} are Ready or the patience runs out; answers how many are. */
  int awaitReady(int agents, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (ready.size() < agents && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return ready.size();
  }

  /** Deployments, Services and ConfigMaps in the benchmark's namespace: to check both runs made the same. */
  int children() {
    var client = cluster.client();
    String ns = BenchAgents.NAMESPACE;
    return client.apps().deployments().inNamespace(ns).list().getItems().size()
        + client.services().inNamespace(ns).list().getItems().size()
        + client.configMaps().inNamespace(ns).list().getItems().size();
  }

  @Override
  public void close() {
    readyWatch.close();
    kubelet.close();
    cluster.close();
  }
}
