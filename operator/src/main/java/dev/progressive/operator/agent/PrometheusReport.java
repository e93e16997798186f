package dev.progressive.operator.agent;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.PrometheusSnapshot;
import dev.progressive.operator.cluster.PrometheusSnapshots;
import dev.progressive.operator.cluster.PrometheusSnapshots.Endpoint;
import dev.progressive.operator.cluster.PrometheusSnapshots.TokenSecret;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Prometheus that monitors an agent reported, with the agent's pods to find its targets by.
 *
 * @param snapshot empty when no Prometheus is configured to ask
 */
record PrometheusReport(Optional<PrometheusSnapshot> snapshot, Set<String> pods) {
  static final PrometheusReport OFF = new PrometheusReport(Optional.empty(), Set.of());

  /** The stack's spec.prometheus.url, else the operator's own; its snapshot of this interval. */
  static PrometheusReport of(ProgressiveAgent agent, Optional<ObservabilityStack> stack, Optional<URI> operatorDefault,
      PrometheusSnapshots snapshots, Set<Pod> pods) {
    var endpoint = endpoint(stack, operatorDefault);
    if (endpoint.isEmpty()) {
      return OFF;
    }
    var name = agent.getMetadata().getName();
    var agentPods = pods.stream().filter(p -> name.equals(p.getMetadata().getLabels().get(Labels.INSTANCE)))
        .map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    return new PrometheusReport(Optional.of(snapshots.of(endpoint.get())), agentPods);
  }

  /** The Prometheus that monitors the agent: the stack's spec.prometheus.url, else the operator's own. */
  static Optional<Endpoint> endpoint(Optional<ObservabilityStack> stack, Optional<URI> operatorDefault) {
    var settings = stack.map(s -> s.getSpec().getPrometheus());
    var url = settings.map(p -> p.getUrl()).or(() -> operatorDefault.map(URI::toString));
    var token = settings.map(p -> p.getBearerTokenSecret())
        .map(s -> new TokenSecret(stack.get().getMetadata().getNamespace(), s.getName(), s.getKey()));
    return url.map(u -> new Endpoint(u, token));
  }
}
