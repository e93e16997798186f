package dev.progressive.operator.remediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.progressive.operator.api.IncidentPhase;
import dev.progressive.operator.api.Sink;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells people: a Kubernetes Event on the Incident and on each target agent, and, when the step
 * names a sink, a post to Slack or a generic webhook whose URL is read from a Secret.
 */
final class NotifyAction implements Action {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final boolean escalation;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  NotifyAction(boolean escalation) {
    this.escalation = escalation;
  }

  @Override
  public StepOutcome run(IncidentRun run, Step step, StepRecord record) {
    var message = message(run, step);
    var events = run.events();
    var key = "step" + record.getIndex();
    var reason = escalation ? "IncidentEscalated" : "IncidentNotification";
    events.once(run.incident(), key, escalation, reason, message);
    run.targets(step).forEach(agent -> events.once(agent, run.incident().getMetadata().getName() + "." + key, escalation, reason, message));
    if (step.getSink() == null) {
      return StepOutcome.succeeded("recorded an Event: " + message);
    }
    return postTo(run, step.getSink(), message)
        .map(failure -> StepOutcome.failed("recorded an Event, but posting to the sink failed: " + failure))
        .orElseGet(() -> StepOutcome.succeeded(
            "recorded an Event and posted to the " + step.getSink().getFormat() + " sink: " + message));
  }

  /** Posts the message to the sink; answers why that failed, if it did, for the caller to record. */
  Optional<String> postTo(IncidentRun run, Sink sink, String message) {
    try {
      post(run, sink, message);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while posting");
    }
  }

  @Override
  public Optional<RunEnd> endsRun(StepRecord.Outcome outcome, boolean lastStep) {
    return escalation ? Optional.of(new RunEnd(IncidentPhase.Escalated, "Escalated")) : Optional.empty();
  }

  @Override
  public String describe(IncidentRun run, Step step) {
    return "would " + (escalation ? "escalate" : "notify") + ": " + message(run, step);
  }

  private String message(IncidentRun run, Step step) {
    var spec = run.incident().getSpec();
    var text = step.getMessage() != null ? step.getMessage()
        : spec.getAnnotations().getOrDefault("summary", spec.getAlertName() + " is firing");
    return (escalation ? "[escalation] " : "") + "Incident " + run.incident().getMetadata().getName()
        + " (" + spec.getAlertName() + (spec.getSeverity() == null ? "" : ", " + spec.getSeverity()) + "): " + text;
  }

  private void post(IncidentRun run, Sink sink, String message) throws IOException, InterruptedException {
    var secret = run.client().secrets().inNamespace(run.namespace()).withName(sink.getSecretName()).get();
    if (secret == null || secret.getData() == null || !secret.getData().containsKey(sink.getKey())) {
      throw new IllegalStateException("Secret " + sink.getSecretName() + " has no key " + sink.getKey());
    }
    var url = new String(Base64.getDecoder().decode(secret.getData().get(sink.getKey())), StandardCharsets.UTF_8).trim();
    Map<String, Object> body = new LinkedHashMap<>();
    if (sink.getFormat() == Sink.Format.slack) {
      body.put("text", message);
    } else {
      body.put("incident", run.incident().getMetadata().getName());
      body.put("namespace", run.namespace());
      body.put("alert", run.incident().getSpec().getAlertName());
      body.put("severity", escalation ? "escalation" : run.incident().getSpec().getSeverity());
      body.put("phase", run.status().getPhase());
      body.put("message", message);
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      // The message would quote the URL, which is a secret.
      throw new IllegalStateException("Secret " + sink.getSecretName() + " key " + sink.getKey() + " holds no valid URL");
    }
    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    var response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() >= 300) {
      throw new IOException("the sink answered " + response.statusCode());
    }
  }
}
