package dev.progressive.operator.stack;

import static dev.progressive.operator.common.Conditions.of;

import dev.progressive.operator.api.ObservabilityStackSpec;
import dev.progressive.operator.api.SecretKey;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Secret keys a stack's objects use, and condition SecretsResolved: whether the namespace has each.
 * Only the AlertmanagerConfig uses Secrets (SMTP password, Slack URL, PagerDuty keys, and the remediation
 * webhook's token on the route it adds), so only what it uses counts: a remediation section that is
 * disabled, or has no routing to join, names a Secret nothing reads. Secrets are named here, never read.
 */
final class StackSecrets {
  static final String ALL_FOUND = "AllSecretsFound";
  static final String SECRET_NOT_FOUND = "SecretNotFound";
  static final String KEY_NOT_FOUND = "KeyNotFound";

  private StackSecrets() {}

  /** One key of one Secret, and the field of the spec that names it. */
  record Reference(String field, String secret, String key) {}

  /** In the order of the spec; a reference without name or key is StackValidation's to report. */
  static List<Reference> references(ObservabilityStackSpec spec) {
    var references = new ArrayList<Reference>();
    var alerting = spec.getAlerting();
    if (alerting == null) {
      return references;
    }
    if (alerting.getSmtp() != null) {
      add(references, "spec.alerting.smtp.password", alerting.getSmtp().getPassword());
    }
    add(references, "spec.alerting.slackWebhook", alerting.getSlackWebhook());
    if (alerting.getPagerDuty() != null) {
      add(references, "spec.alerting.pagerDuty.mca", alerting.getPagerDuty().getMca());
      add(references, "spec.alerting.pagerDuty.sre", alerting.getPagerDuty().getSre());
    }
    var remediation = spec.getRemediation();
    if (remediation != null && remediation.getEnabled()) {
      add(references, "spec.remediation.webhookAuthSecret", remediation.getWebhookAuthSecret());
    }
    return references;
  }

  static Set<String> secretNames(ObservabilityStackSpec spec) {
    return references(spec).stream().map(Reference::secret).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * @param found the key names of each referenced Secret the namespace has; a Secret it lacks is absent
   */
  static Condition condition(ObservabilityStackSpec spec, Map<String, Set<String>> found) {
    var bySecret = references(spec).stream()
        .collect(Collectors.groupingBy(Reference::secret, LinkedHashMap::new, Collectors.toList()));
    if (bySecret.isEmpty()) {
      return of(StackStatus.SECRETS_RESOLVED, true, ALL_FOUND, "The spec references no Secret");
    }
    var problems = new ArrayList<String>();
    var secretMissing = false;
    for (var secret : bySecret.entrySet()) {
      var keys = found.get(secret.getKey());
      if (keys == null) {
        secretMissing = true;
        problems.add("Secret " + secret.getKey() + " not found (" + keys(secret.getValue()) + ")");
        continue;
      }
      secret.getValue().stream().filter(r -> !keys.contains(r.key()))
          .forEach(r -> problems.add("Secret " + r.secret() + " has no key " + r.key() + " (" + r.field() + ")"));
    }
    if (problems.isEmpty()) {
      return of(StackStatus.SECRETS_RESOLVED, true, ALL_FOUND, "Every referenced key exists: " + bySecret.entrySet().stream()
          .map(s -> s.getKey() + " (" + keys(s.getValue()) + ")").collect(Collectors.joining(", ")));
    }
    return of(StackStatus.SECRETS_RESOLVED, false, secretMissing ? SECRET_NOT_FOUND : KEY_NOT_FOUND, String.join("; ", problems));
  }

  private static String keys(List<Reference> references) {
    var keys = references.stream().map(Reference::key).distinct().toList();
    return (keys.size() == 1 ? "key " : "keys ") + String.join(", ", keys);
  }

  private static void add(List<Reference> references, String field, SecretKey secret) {
    if (secret != null && secret.getName() != null && secret.getKey() != null) {
      references.add(new Reference(field, secret.getName(), secret.getKey()));
    }
  }
}
