package dev.progressive.operator.remediation;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.IncidentSpec;
import dev.progressive.operator.api.IncidentStatus;
import dev.progressive.operator.api.PlaybookSpec;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.Trigger;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds Incidents, playbooks and agents for unit tests. */
final class Incidents {
  static final String NS = "team-a";

  private Incidents() {}

  static Incident incident(String name, String alertName, Map<String, String> labels) {
    var incident = new Incident();
    incident.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
    var spec = new IncidentSpec();
    spec.setAlertName(alertName);
    spec.setLabels(new HashMap<>(labels));
    spec.setStartsAt("2026-11-28T10:00:00Z");
    incident.setSpec(spec);
    incident.setStatus(new IncidentStatus());
    return incident;
  }

  static Incident ran(String name, String alertName, String target, String playbook, String startedAt) {
    var incident = incident(name, alertName, Map.of());
    incident.getStatus().setPhase(IncidentPhase.Resolved);
    incident.getStatus().setTarget(target);
    incident.getStatus().setPlaybook(playbook);
    incident.getStatus().setStartedAt(startedAt);
    return incident;
  }

  static RemediationPlaybook playbook(String namespace, String name, int priority, List<String> alertNames, Map<String, String> labels) {
    var playbook = new RemediationPlaybook();
    playbook.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    var spec = new PlaybookSpec();
    spec.setTrigger(new Trigger(alertNames, labels));
    spec.setPriority(priority);
    spec.setSteps(List.of(new Step(StepAction.NOTIFY)));
    playbook.setSpec(spec);
    return playbook;
  }

  static ProgressiveAgent agent(String name, AgentType type) {
    var agent = new ProgressiveAgent();
    agent.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
    var spec = new ProgressiveAgentSpec();
    spec.setAgentType(type);
    agent.setSpec(spec);
    return agent;
  }
}
