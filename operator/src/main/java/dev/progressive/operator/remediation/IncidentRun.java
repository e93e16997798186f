package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentStatus;
import dev.progressive.operator.api.PlaybookSnapshot;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.common.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a step of one Incident's playbook run can see: the Incident, its copy of the playbook and the agents around it.
 *
 * @param announcements the Events that tell of this reconcile's status change, written once the status is
 */
public record IncidentRun(Incident incident, List<ProgressiveAgent> agents, Instant now, KubernetesClient client,
    List<Announcement> announcements) {

  /** An Event about the Incident, recorded at most once under its key. */
  record Announcement(String key, boolean warning, String reason, String message) {}

  public IncidentRun(Incident incident, List<ProgressiveAgent> agents, Instant now, KubernetesClient client) {
    this(incident, agents, now, client, new ArrayList<>());
  }

  public IncidentStatus status() {
    return incident.getStatus();
  }

  /** The playbook as it was when the run started; empty before then, and for Incidents an older version started. */
  public Optional<PlaybookSnapshot> plan() {
    return Optional.ofNullable(status().getRun());
  }

  public String namespace() {
    return incident.getMetadata().getNamespace();
  }

  public Optional<ProgressiveAgent> target() {
    var name = status().getTarget();
    return agents.stream().filter(a -> a.getMetadata().getName().equals(name)).findFirst();
  }

  /**
   * The agents a step acts on: those the run holds among its agentTypes, or else the alert's own agent.
   * An agent another run holds, or that the guardrails held back, is never one of them.
   */
  public List<ProgressiveAgent> targets(Step step) {
    var held = status().getAgents();
    return resolved(step).stream().filter(a -> held == null || held.contains(a.getMetadata().getName())).toList();
  }

  /** The agents a step names: those of its agentTypes, or else the alert's own agent. */
  List<ProgressiveAgent> resolved(Step step) {
    if (step.getAgentTypes().isEmpty()) {
      return target().stream().toList();
    }
    return ofTypes(agents, step.getAgentTypes());
  }

  /** By name, so that records and the order a step goes through its agents do not depend on a cache's order. */
  static List<ProgressiveAgent> ofTypes(List<ProgressiveAgent> agents, List<String> types) {
    return agents.stream()
        .filter(a -> a.getSpec() != null && a.getSpec().getAgentType() != null && types.contains(a.getSpec().getAgentType().id()))
        .sorted(Comparator.comparing(a -> a.getMetadata().getName()))
        .toList();
  }

  /** Events stamped with this run's time. */
  public EventRecorder events() {
    return new EventRecorder(client, Clock.fixed(now, ZoneOffset.UTC));
  }

  /**
   * Tells of the status change this reconcile makes, once the status holds it: a reader never sees an Event
   * ("IncidentSuppressed") of a change whose write failed or was refused, and the retry tells it once.
   */
  void announce(String key, boolean warning, String reason, String message) {
    announcements.add(new Announcement(key, warning, reason, message));
  }

  /** Records the announcements; call once the status they tell of is written. */
  void tellAnnounced() {
    var events = events();
    announcements.forEach(a -> events.once(incident, a.key(), a.warning(), a.reason(), a.message()));
    announcements.clear();
  }

  public boolean alertResolved() {
    return incident.getSpec().getResolvedAt() != null;
  }
}
