package dev.progressive.operator.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.IncidentSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores alerts as Incidents: a firing alert creates one, a resolved alert sets {@code spec.resolvedAt}.
 * Safe to repeat: Alertmanager delivers at least once and its peers deliver the same alert each.
 * API errors propagate as {@link KubernetesClientException}.
 */
public final class IncidentWriter {
  public static final String ALERTNAME_LABEL = Incident.ALERTNAME_LABEL;
  private static final Logger LOG = LoggerFactory.getLogger(IncidentWriter.class);
  private static final int CONFLICT = 409;
  private static final int NOT_FOUND = 404;
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * How long a stored Incident answers repeats of its alert from memory: longer than Alertmanager's
   * retries and its peers' duplicates, which come within seconds; shorter than its repeat_interval, so
   * a still-firing alert whose Incident was deleted meanwhile is stored again.
   */
  static final Duration REMEMBERED = Duration.ofMinutes(5);
  private static final long REMEMBERED_MAX = 10_000;

  private final KubernetesClient client;
  private final Clock clock;
  private final Cache<String, Boolean> stored;

  public IncidentWriter(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.stored = Caffeine.newBuilder().expireAfterWrite(REMEMBERED).maximumSize(REMEMBERED_MAX).build();
  }

  public AlertOutcome write(WebhookAlert alert, String namespace) {
    return alert.firing() ? create(alert, namespace) : resolve(alert, namespace);
  }

  private AlertOutcome create(WebhookAlert alert, String namespace) {
    var incident = incident(alert, namespace);
    var name = incident.getMetadata().getName();
    var key = namespace + "/" + name;
    // The name is the alert's identity: an existing Incident is this alert, stored by an earlier delivery.
    if (stored.getIfPresent(key) != null) {
      return outcome(alert, AlertResult.DUPLICATE, namespace, List.of(name));
    }
    try {
      client.resources(Incident.class).inNamespace(namespace).resource(incident).create();
      stored.put(key, true);
      LOG.info("Created Incident {}/{} for alert {}", namespace, name, alert.alertName());
      return outcome(alert, AlertResult.CREATED, namespace, List.of(name));
    } catch (KubernetesClientException e) {
      if (e.getCode() == CONFLICT) {
        stored.put(key, true);
        return outcome(alert, AlertResult.DUPLICATE, namespace, List.of(name));
      }
      throw e;
    }
  }

  private AlertOutcome resolve(WebhookAlert alert, String namespace) {
    var matching = client.resources(Incident.class).inNamespace(namespace)
        .withLabel(Incident.FINGERPRINT_LABEL, alert.fingerprint()).list().getItems().stream()
        .filter(incident -> sameStart(incident, alert))
        .toList();
    if (matching.isEmpty()) {
      LOG.debug("Resolved alert {} ({}) in {} has no Incident", alert.alertName(), alert.fingerprint(), namespace);
      return outcome(alert, AlertResult.IGNORED, namespace, List.of());
    }
    boolean resolvedNow = false;
    for (var incident : matching) {
      if (incident.getSpec().getResolvedAt() == null) {
        resolvedNow |= markResolved(incident, alert);
      }
    }
    var names = matching.stream().map(incident -> incident.getMetadata().getName()).toList();
    return outcome(alert, resolvedNow ? AlertResult.RESOLVED : AlertResult.DUPLICATE, namespace, names);
  }

  /** False when the Incident was deleted since it was listed. */
  private boolean markResolved(Incident incident, WebhookAlert alert) {
    var resolvedAt = alert.endTime().orElse(clock.instant()).toString();
    var patch = JSON.createObjectNode();
    patch.putObject("spec").put("resolvedAt", resolvedAt);
    try {
      client.resources(Incident.class).inNamespace(incident.getMetadata().getNamespace())
          .withName(incident.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
      LOG.info("Incident {}/{} resolved at {}", incident.getMetadata().getNamespace(), incident.getMetadata().getName(), resolvedAt);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private static boolean sameStart(Incident incident, WebhookAlert alert) {
    var spec = incident.getSpec();
    try {
      return spec != null && WebhookAlert.time(spec.getStartsAt()).filter(alert.startTime()::equals).isPresent();
    } catch (DateTimeParseException e) {
      // Not written by the intake (it writes RFC 3339): not this alert's Incident.
      return false;
    }
  }

  private static Incident incident(WebhookAlert alert, String namespace) {
    var incident = new Incident();
    incident.setMetadata(new ObjectMetaBuilder()
        .withNamespace(namespace)
        .withName(IncidentNaming.name(alert.alertName(), alert.fingerprint(), alert.startTime()))
        .withLabels(Map.of(
            Incident.FINGERPRINT_LABEL, alert.fingerprint(),
            ALERTNAME_LABEL, IncidentNaming.labelValue(alert.alertName())))
        .build());
    incident.setSpec(spec(alert));
    // The status belongs to the reconciler; the intake writes none.
    incident.setStatus(null);
    return incident;
  }

  private static IncidentSpec spec(WebhookAlert alert) {
    var spec = new IncidentSpec();
    spec.setAlertName(alert.alertName());
    spec.setFingerprint(alert.fingerprint());
    spec.setSeverity(alert.labels().get("severity"));
    spec.setLabels(new LinkedHashMap<>(alert.labels()));
    spec.setAnnotations(new LinkedHashMap<>(alert.annotations()));
    spec.setStartsAt(alert.startTime().toString());
    spec.setGeneratorURL(alert.generatorURL());
    return spec;
  }

  private static AlertOutcome outcome(WebhookAlert alert, AlertResult result, String namespace, List<String> incidents) {
    return new AlertOutcome(alert.fingerprint(), alert.status(), result, namespace, incidents);
  }
}
