package dev.progressive.operator.intake;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /alertmanager/webhook}: authenticates, reads and validates an Alertmanager notification and
 * stores its alerts as Incidents, but for the operator's heartbeat, which {@link HeartbeatRecorder} records.
 * Alertmanager retries on 5xx only, so a 503 means "the API server failed,
 * send it again", a 4xx "this will never work", and a 200 that every Incident of the body is stored.
 */
public final class AlertIntake implements HttpService {
  public static final String PATH = "/alertmanager/webhook";
  static final String DISABLED = "intake disabled: start the operator with --webhook-token-file";
  private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);

  private final Optional<BearerToken> token;
  private final IntakeSettings settings;
  /**
   * More than the reconcilers' threads (JOSDK's 50), which write to the same API for the Incidents
   * already stored, so that a large group is stored ahead of their work; bounded so that one body cannot
   * flood the API server.
   */
  static final int PARALLEL_WRITES = 64;

  private final IncidentWriter writer;
  private final HeartbeatRecorder heartbeats;
  private final IntakeMetrics metrics;

  private AlertIntake(Optional<BearerToken> token, IntakeSettings settings, IncidentWriter writer,
      HeartbeatRecorder heartbeats, IntakeMetrics metrics) {
    this.token = token;
    this.settings = settings;
    this.writer = writer;
    this.heartbeats = heartbeats;
    this.metrics = metrics;
  }

  /** @throws IllegalArgumentException when the token file is given but cannot be read */
  public static AlertIntake create(KubernetesClient client, MeterRegistry registry, IntakeSettings settings) {
    var clock = Clock.systemUTC();
    return new AlertIntake(settings.tokenFile().map(BearerToken::fromFile), settings,
        new IncidentWriter(client, clock), new HeartbeatRecorder(client, clock), new IntakeMetrics(registry));
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post(PATH, this::handle);
  }

  private void handle(ServerRequest req, ServerResponse res) throws IOException {
    var sample = metrics.start();
    var answer = answer(req);
    metrics.answered(sample, answer.status());
    answer.send(res);
  }

  private IntakeAnswer answer(ServerRequest req) {
    if (token.isEmpty()) {
      return IntakeAnswer.error(Status.SERVICE_UNAVAILABLE_503, DISABLED);
    }
    var presented = BearerToken.fromHeader(req.headers().first(HeaderNames.AUTHORIZATION));
    if (presented.isEmpty()) {
      return IntakeAnswer.error(Status.UNAUTHORIZED_401, "missing bearer token (Authorization: Bearer <token>)");
    }
    if (!token.get().matches(presented.get())) {
      return IntakeAnswer.error(Status.UNAUTHORIZED_401, "invalid bearer token");
    }
    try {
      return store(WebhookBody.parse(body(req)));
    } catch (BodyTooLarge e) {
      return IntakeAnswer.error(Status.REQUEST_ENTITY_TOO_LARGE_413,
          "body larger than " + settings.bodyLimitBytes() + " bytes");
    } catch (InvalidWebhookBody e) {
      return IntakeAnswer.error(Status.BAD_REQUEST_400, e.getMessage());
    } catch (RuntimeException | IOException e) {
      LOG.error("Alertmanager notification failed", e);
      return IntakeAnswer.error(Status.INTERNAL_SERVER_ERROR_500, "internal error: " + e.getMessage());
    }
  }

  private byte[] body(ServerRequest req) throws IOException {
    var declared = req.headers().contentLength();
    if (declared.isPresent() && declared.getAsLong() > settings.bodyLimitBytes()) {
      throw new BodyTooLarge();
    }
    if (!req.content().hasEntity()) {
      return new byte[0];
    }
    try (var in = req.content().inputStream()) {
      // One byte more than allowed tells a body at the limit from one over it, without reading the rest.
      var bytes = in.readNBytes(settings.bodyLimitBytes() + 1);
      if (bytes.length > settings.bodyLimitBytes()) {
        throw new BodyTooLarge();
      }
      return bytes;
    }
  }

  /**
   * Stores the alerts of a body side by side, at most {@link #PARALLEL_WRITES} at once, and answers
   * once every one is stored: a group of a thousand alerts is taken in a few seconds, not minutes.
   * The first alert (in the body's order) whose write failed decides the answer; Alertmanager's retry
   * repeats the stored ones harmlessly.
   */
  private IntakeAnswer store(WebhookBody body) {
    var writes = new ArrayList<Future<AlertOutcome>>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var permits = new Semaphore(PARALLEL_WRITES);
      for (var alert : body.alerts()) {
        writes.add(executor.submit(() -> {
          permits.acquire();
          try {
            return alert.heartbeat() ? heartbeats.record(alert, namespaceOf(alert)) : writer.write(alert, namespaceOf(alert));
          } finally {
            permits.release();
          }
        }));
      }
    }
    var outcomes = new ArrayList<AlertOutcome>();
    IntakeAnswer failure = null;
    for (int i = 0; i < writes.size(); i++) {
      var write = writes.get(i);
      if (write.state() == Future.State.SUCCESS) {
        metrics.stored(write.resultNow());
        outcomes.add(write.resultNow());
      } else if (failure == null) {
        failure = failure(write.exceptionNow(), "alerts[" + i + "]", namespaceOf(body.alerts().get(i)));
      }
    }
    return failure != null ? failure : IntakeAnswer.stored(List.copyOf(outcomes));
  }

  private String namespaceOf(WebhookAlert alert) {
    return alert.namespace().orElse(settings.incidentNamespace());
  }

  private static IntakeAnswer failure(Throwable e, String alert, String namespace) {
    if (e instanceof KubernetesClientException api) {
      return apiFailure(api, alert, namespace);
    }
    throw new IllegalStateException("storing " + alert + " failed", e);
  }

  private static IntakeAnswer apiFailure(KubernetesClientException e, String alert, String namespace) {
    if (retryWouldHelp(e)) {
      LOG.warn("Kubernetes API unavailable while storing {} in {}; Alertmanager will retry", alert, namespace, e);
      return IntakeAnswer.error(Status.SERVICE_UNAVAILABLE_503,
          alert + ": the Kubernetes API is unavailable (" + describe(e) + "); retry later");
    }
    LOG.error("Kubernetes API refused the Incident of {} in {}", alert, namespace, e);
    return IntakeAnswer.error(Status.UNPROCESSABLE_CONTENT_422,
        alert + ": the Kubernetes API refused the Incident in namespace " + namespace + " (" + describe(e) + ")");
  }

  /** No answer (connection refused, timeout), a server error or throttling: the same request may pass later. */
  private static boolean retryWouldHelp(KubernetesClientException e) {
    int code = e.getCode();
    return noAnswer(e) || code >= 500 || code == 429 || code == 408;
  }

  /** fabric8 reports a request that got no HTTP answer with a code of -1 or 0 (versions differ). */
  private static boolean noAnswer(KubernetesClientException e) {
    return e.getCode() <= 0;
  }

  private static String describe(KubernetesClientException e) {
    if (!noAnswer(e)) {
      return "HTTP " + e.getCode();
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "no answer: " + root.getClass().getSimpleName();
  }

  private static final class BodyTooLarge extends RuntimeException {
    BodyTooLarge() {
      super(null, null, false, false);
    }
  }
}
