package dev.progressive.operator.cluster;

import dev.progressive.operator.common.Failures;
import dev.progressive.operator.monitoring.SloBurnRateRules;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each Prometheus reports, read at most once per interval per endpoint, however many agents it
 * monitors: one targets, one rules and one SLO query per interval keep the load on Prometheus bounded. A
 * Prometheus that cannot be read gives a snapshot that says why, never an exception.
 */
public final class PrometheusSnapshots {
  public static final Duration INTERVAL = Duration.ofSeconds(30);
  /** Every SLO's error ratio over the windows an agent's status shows, in one query for all agents. */
  static final String SLO_ERROR_RATIOS = "{__name__=~\"" + SloBurnRateRules.ERROR_RATIO + "(1h|6h|"
      + SloBurnRateRules.BUDGET_WINDOW + ")\"}";

  /** A Prometheus, and the Secret key that holds its bearer token, if it wants one. */
  public record Endpoint(String url, Optional<TokenSecret> token) {}

  public record TokenSecret(String namespace, String name, String key) {}

  private final Map<Endpoint, Expiring<PrometheusSnapshot>> snapshots = new ConcurrentHashMap<>();
  private final PrometheusApi api;
  private final KubernetesClient client;
  private final Duration interval;
  private final Clock clock;

  public PrometheusSnapshots(KubernetesClient client, Duration interval, Clock clock) {
    this.api = new PrometheusApi(HttpClient.newBuilder().connectTimeout(PrometheusApi.TIMEOUT).build());
    this.client = client;
    this.interval = interval;
    this.clock = clock;
  }

  public Duration interval() {
    return interval;
  }

  public PrometheusSnapshot of(Endpoint endpoint) {
    return snapshots.computeIfAbsent(endpoint, e -> new Expiring<>(() -> read(e), interval, clock)).get();
  }

  /** An instant query, asked now rather than from the interval's snapshot: a rollout step's evidence. */
  public List<PrometheusApi.Sample> query(Endpoint endpoint, String promql) throws IOException, InterruptedException {
    return api.query(URI.create(endpoint.url()), promql, endpoint.token().map(this::token));
  }

  private PrometheusSnapshot read(Endpoint endpoint) {
    var url = endpoint.url();
    try {
      // A URL the schema would have refused (where there is none) fails here, as this Prometheus' problem.
      var prometheus = URI.create(url);
      var token = endpoint.token().map(this::token);
      return PrometheusSnapshot.read(url, clock.instant(), api.activeTargets(prometheus, token), api.ruleGroups(prometheus, token),
          api.query(prometheus, SLO_ERROR_RATIOS, token));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PrometheusSnapshot.unreachable(url, clock.instant(), "interrupted while reading it");
    } catch (IOException | RuntimeException e) {
      return PrometheusSnapshot.unreachable(url, clock.instant(), cause(e));
    }
  }

  /** The JDK's HTTP client says nothing in the message of a refused or timed-out connection: say it. */
  private static String cause(Exception e) {
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + PrometheusApi.TIMEOUT.toSeconds() + "s";
    }
    if (e instanceof ConnectException && (e.getMessage() == null || e.getMessage().isBlank())) {
      return "cannot connect (refused, or the host is unknown or unreachable)";
    }
    return Failures.oneLine(e);
  }

  /** Listed by name rather than read: the operator may list Secrets (for the stacks' checks), not get them. */
  private String token(TokenSecret secret) {
    var value = client.secrets().inNamespace(secret.namespace()).withField("metadata.name", secret.name()).list().getItems()
        .stream().findFirst().map(Secret::getData).map(data -> data.get(secret.key()))
        .orElseThrow(() -> new IllegalStateException("the bearer token: Secret " + secret.namespace() + "/" + secret.name()
            + " has no key " + secret.key()));
    return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8).trim();
  }
}
