package dev.progressive.bench.scale;

import dev.progressive.bench.BenchAgents;
import dev.progressive.operator.agent.AgentChildren;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * The floor of API work for N agents: a plain client that creates each agent, the children the
 * operator would create for it on this API (from the operator's own pure builders) and a Ready status,
 * one request each, in sequence. Answers {@code create} (ms taken), {@code requests}, {@code heap}.
 */
public final class BaselineProcess {
  /** The kinds the operator creates on a cluster without the monitoring APIs, as the dev cluster is. */
  private static final List<Class<?>> KINDS_ON_PLAIN_CLUSTER = List.of(Deployment.class, Service.class, ConfigMap.class);

  private BaselineProcess() {}

  public static void main(String[] args) throws Exception {
    var requests = new RequestCounter();
    int agents = Integer.parseInt(args[1]);
    try (var client = BenchClients.forUrl(args[0], requests)) {
      ChildProtocol.serve("started", command -> switch (command) {
        case "create" -> Long.toString(createAll(client, agents));
        case "requests" -> requests.summary();
        case "writes" -> requests.writeTargets();
        case "heap" -> Long.toString(ChildProtocol.heapAfterGc());
        default -> "unknown command " + command;
      });
    }
  }

  private static long createAll(KubernetesClient client, int agents) {
    long start = System.nanoTime();
    for (int i = 0; i < agents; i++) {
      create(client, BenchAgents.agent(BenchAgents.NAMESPACE, i));
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void create(KubernetesClient client, ProgressiveAgent agent) {
    ProgressiveAgent created = client.resource(agent).create();
    for (HasMetadata child : AgentChildren.desired(agent, Optional.empty())) {
      if (KINDS_ON_PLAIN_CLUSTER.contains(child.getClass())) {
        child.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
            .withApiVersion(created.getApiVersion()).withKind(created.getKind())
            .withName(created.getMetadata().getName()).withUid(created.getMetadata().getUid())
            .withController(true).withBlockOwnerDeletion(true).build()));
        client.resource(child).create();
      }
    }
    var status = new ProgressiveAgentStatus();
    status.setConditions(List.of(Conditions.of(Conditions.READY, true, "AllReplicasReady", "created by the baseline")));
    status.setObservedGeneration(created.getMetadata().getGeneration());
    created.setStatus(status);
    client.resource(created).updateStatus();
  }
}
