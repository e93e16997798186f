package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about our resources, the way `kubectl describe` shows them. The same Event
 * (same object, type, reason and message) written again is counted on the one Event ("x3 over 2m"), as
 * the kubelet's recorder does, rather than created anew: its name is a hash of those fields.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = Labels.MANAGER;
  /** A DNS subdomain's length, less the dot and the hash that follow the object's name. */
  private static final int NAME_PREFIX_LIMIT = 253 - 1 - 16;

  private final KubernetesClient client;
  private final Clock clock;
  private final EventCounts counts;

  /** For Events recorded {@link #once}, which are never counted. */
  public EventRecorder(KubernetesClient client, Clock clock) {
    this(client, clock, new EventCounts());
  }

  /** @param counts the counts of recent Events, kept across reconciles so that a repeat is one patch */
  EventRecorder(KubernetesClient client, Clock clock, EventCounts counts) {
    this.client = client;
    this.clock = clock;
    this.counts = counts;
  }

  public void normal(HasMetadata about, String reason, String message) {
    record(event(about, countedName(about, "Normal", reason, message), "Normal", reason, message));
  }

  public void warning(HasMetadata about, String reason, String message) {
    record(event(about, countedName(about, "Warning", reason, message), "Warning", reason, message));
  }

  /**
   * Records an event under a name derived from {@code key}, at most once: a step that runs again
   * after an interruption does not tell its readers twice.
   */
  public void once(HasMetadata about, String key, boolean warning, String reason, String message) {
    var event = event(about, about.getMetadata().getName() + "." + key, warning ? "Warning" : "Normal", reason, message);
    try {
      create(event);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        logFailure(event, e);
      }
    }
  }

  private void record(Event event) {
    try {
      var known = counts.get(event.getMetadata().getName());
      if (known.isEmpty() || !counted(event, known.get() + 1)) {
        createOrCount(event);
      }
    } catch (KubernetesClientException e) {
      logFailure(event, e);
    }
  }

  /** Creates the Event, or counts on it when it was written before this process knew its count (a restart). */
  private void createOrCount(Event event) {
    var name = event.getMetadata().getName();
    try {
      create(event);
      counts.put(name, 1);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      var stored = client.v1().events().inNamespace(event.getMetadata().getNamespace()).withName(name).get();
      counted(event, Optional.ofNullable(stored).map(Event::getCount).orElse(1) + 1);
    }
  }

  /** Sets the stored Event's count; false when it is gone (Events expire), to be created anew. */
  private boolean counted(Event event, int count) {
    var name = event.getMetadata().getName();
    var patch = Map.of("count", count, "lastTimestamp", event.getLastTimestamp());
    try {
      client.v1().events().inNamespace(event.getMetadata().getNamespace()).withName(name)
          .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(patch));
      counts.put(name, count);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
      counts.forget(name);
      return false;
    }
  }

  private void create(Event event) {
    client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
  }

  /** The object's name (cut to leave room, never ending in a separator) and a hash of what makes the Event the same. */
  private static String countedName(HasMetadata about, String type, String reason, String message) {
    var meta = about.getMetadata();
    var prefix = meta.getName().substring(0, Math.min(meta.getName().length(), NAME_PREFIX_LIMIT)).replaceAll("[.-]+$", "");
    var identity = String.join("\n", Objects.toString(meta.getUid(), ""), type, reason, message);
    return prefix + "." + sha256(identity).substring(0, 16);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private Event event(HasMetadata about, String name, String type, String reason, String message) {
    var meta = about.getMetadata();
    var now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    return new EventBuilder()
        .withNewMetadata()
          .withNamespace(meta.getNamespace())
          .withName(name)
        .endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder()
            .withApiVersion(about.getApiVersion())
            .withKind(about.getKind())
            .withName(meta.getName())
            .withNamespace(meta.getNamespace())
            .withUid(meta.getUid())
            .withResourceVersion(meta.getResourceVersion())
            .build())
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource(COMPONENT, null)
        .withReportingComponent(COMPONENT)
        .build();
  }

  // An event is a courtesy to the reader; failing to write one must not fail the reconcile.
  private static void logFailure(Event event, KubernetesClientException e) {
    var about = event.getInvolvedObject();
    LOG.warn("Could not record event {} on {}/{}: {}", event.getReason(), about.getNamespace(), about.getName(), e.getMessage());
  }
}
