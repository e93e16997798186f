package dev.progressive.operator.remediation;

import dev.progressive.operator.agent.ProgressiveAgent;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a step of one Incident's playbook run can see: the Incident, its playbook and the agents around it. */
public record IncidentRun(
    Incident incident, RemediationPlaybook playbook, List<ProgressiveAgent> agents, Instant now, KubernetesClient client) {

  public IncidentStatus status() {
    return incident.getStatus();
  }

  public String namespace() {
    return incident.getMetadata().getNamespace();
  }

  public Optional<ProgressiveAgent> target() {
    var name = status().getTarget();
    return agents.stream().filter(a -> a.getMetadata().getName().equals(name)).findFirst();
  }

  /** The agents a step acts on: those of its agentTypes, or else the alert's own agent. */
  public List<ProgressiveAgent> targets(Step step) {
    if (step.getAgentTypes().isEmpty()) {
      return target().stream().toList();
    }
    return agents.stream()
        .filter(a -> a.getSpec() != null && a.getSpec().getAgentType() != null
            && step.getAgentTypes().contains(a.getSpec().getAgentType().id()))
        .toList();
  }

  public boolean alertResolved() {
    return incident.getSpec().getResolvedAt() != null;
  }
}
