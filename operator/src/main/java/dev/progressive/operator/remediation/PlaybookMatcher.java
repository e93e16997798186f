package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentSpec;
import dev.progressive.operator.api.RemediationPlaybook;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the playbook for an Incident: the alert's name and labels must match the trigger; among
 * matches, the highest priority wins, then a playbook that names the alert over a catch-all, then one
 * in the Incident's own namespace, then the first by name (so the choice is stable).
 */
public final class PlaybookMatcher {
  private PlaybookMatcher() {}

  public static Optional<RemediationPlaybook> match(Incident incident, List<RemediationPlaybook> playbooks) {
    return playbooks.stream()
        .filter(p -> matches(p, incident.getSpec()) && PlaybookValidation.validate(p).isEmpty())
        .min(Comparator
            .comparing((RemediationPlaybook p) -> -priority(p))
            .thenComparing(p -> p.getSpec().getTrigger().getAlertNames().isEmpty())
            .thenComparing(p -> !p.getMetadata().getNamespace().equals(incident.getMetadata().getNamespace()))
            .thenComparing(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()));
  }

  static boolean matches(RemediationPlaybook playbook, IncidentSpec alert) {
    var trigger = playbook.getSpec() == null ? null : playbook.getSpec().getTrigger();
    if (trigger == null) {
      return false;
    }
    boolean named = trigger.getAlertNames().isEmpty() || trigger.getAlertNames().contains(alert.getAlertName());
    return named && trigger.getMatchLabels().entrySet().stream()
        .allMatch(e -> e.getValue().equals(alert.getLabels().get(e.getKey())));
  }

  private static int priority(RemediationPlaybook playbook) {
    return playbook.getSpec().getPriority() == null ? 0 : playbook.getSpec().getPriority();
  }

  public static String key(RemediationPlaybook playbook) {
    return playbook.getMetadata().getNamespace() + "/" + playbook.getMetadata().getName();
  }
}
