package dev.progressive.operator.agent;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentSpec;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RolloutStatus;
import dev.progressive.operator.monitoring.AgentAlertRules;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Incident a rollback opens, as if alert {@value #ALERT} had fired for the agent: notify sinks, playbooks and
 * the audit trail see it as they see any alert. Its name and fingerprint come from the agent and the revision, so
 * that telling the rollback twice (a retried reconcile) stores one Incident.
 */
final class RolloutIncident {
  static final String ALERT = "AgentRolloutFailed";
  private static final String INFIX = "-rollout-failed-";
  private static final int MAX_NAME = 63;

  private RolloutIncident() {}

  static Incident of(ProgressiveAgent agent, RolloutStatus rolledBack, Instant now) {
    var name = agent.getMetadata().getName();
    var namespace = agent.getMetadata().getNamespace();
    var revision = rolledBack.getRevision();
    var fingerprint = fingerprint(namespace + "/" + name + "/" + revision);
    var incident = new Incident();
    incident.setMetadata(new ObjectMetaBuilder()
        .withNamespace(namespace)
        .withName(prefix(name, MAX_NAME - INFIX.length() - revision.length()) + INFIX + revision)
        .withLabels(Map.of(Incident.FINGERPRINT_LABEL, fingerprint, Incident.ALERTNAME_LABEL, ALERT))
        .build());
    var spec = new IncidentSpec();
    spec.setAlertName(ALERT);
    spec.setFingerprint(fingerprint);
    spec.setSeverity("warning");
    var labels = new LinkedHashMap<String, String>();
    labels.put("alertname", ALERT);
    labels.put("namespace", namespace);
    labels.put(AgentAlertRules.AGENT_LABEL, name);
    labels.put("agent_type", agent.getSpec().getAgentType().id());
    labels.put("revision", revision);
    spec.setLabels(labels);
    spec.setAnnotations(Map.of(
        "summary", "Rollout of revision " + revision + " to agent " + name + " rolled back",
        "description", rolledBack.getMessage() + evidence(rolledBack)));
    spec.setStartsAt(now.toString());
    incident.setSpec(spec);
    incident.setStatus(null);
    return incident;
  }

  private static String evidence(RolloutStatus status) {
    return status.getChecks().stream()
        .map(check -> "\n" + check.getName() + " " + check.getVerdict() + ": observed " + check.getObserved()
            + ", threshold " + check.getThreshold() + " over " + check.getWindow() + " (" + check.getQuery() + ")")
        .collect(Collectors.joining());
  }

  private static String prefix(String name, int length) {
    return name.length() <= length ? name : name.substring(0, length).replaceAll("-+$", "");
  }

  private static String fingerprint(String identity) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
