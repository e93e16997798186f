package dev.progressive.bench.alerts;

import dev.progressive.bench.ApiQuiet;
import dev.progressive.operator.Crds;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.common.ApiRateLimit;
import dev.progressive.operator.dev.DevCluster;
import dev.progressive.operator.dev.KubeletStandIn;
import dev.progressive.operator.intake.AlertIntake;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.remediation.RemediationSettings;
import dev.progressive.operator.server.OperatorHttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The real operator with its alert intake on the embedded API, wired as `run` wires them. */
final class RemediationCluster implements AutoCloseable {
  private final DevCluster cluster = DevCluster.start();
  private final KubeletStandIn kubelet;
  private final Operator operator;
  private final OperatorHttpServer http;
  private final Path tokenFile;
  private final String token = UUID.randomUUID().toString();

  /** High, as on a dedicated API server: the benchmark measures the operator, and reports the peak it saw. */
  static final int API_QPS = 2_000;
  static final int API_BURST = 4_000;
  private final PeakRequestRate apiRate = new PeakRequestRate();
  private final KubernetesClient operatorClient;

  RemediationCluster() throws IOException {
    Crds.load().forEach(crd -> cluster.client().resource(crd).create());
    kubelet = new KubeletStandIn(cluster.client());
    tokenFile = Files.createTempFile("bench-webhook-token", "");
    Files.writeString(tokenFile, token);
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operatorClient = operatorClient(cluster, apiRate);
    var intake = AlertIntake.create(operatorClient, registry,
        new IntakeSettings(Optional.of(tokenFile), "default", IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
    // Keeps every finished Incident (the default keeps 100 per namespace), so that the audits see each one.
    operator = ProgressiveOperator.create(operatorClient, registry, ProgressiveOperator.Settings.embedded()
        .withRemediation(new RemediationSettings(false, Optional.empty(), 10_000, Duration.ofDays(1), false)));
    http = OperatorHttpServer.start("127.0.0.1", 0, operator, registry, intake);
    operator.start();
  }

  /** The operator's own client, rate-limited as `run`'s is, behind the peak meter. */
  private static KubernetesClient operatorClient(DevCluster cluster, PeakRequestRate apiRate) {
    var config = new ConfigBuilder(Config.empty()).withMasterUrl(cluster.url().toString()).withNamespace("default")
        .withHttp2Disable(true).build();
    return ApiRateLimit.applyTo(new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()),
            API_QPS, API_BURST)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("bench-peak-rate", apiRate))
        .build();
  }

  /** The most requests the operator's client sent within one second so far. */
  long peakApiRequestRate() {
    return apiRate.peak();
  }

  /** Waits until the API has seen no write for {@code quiet}, or the patience runs out. */
  void awaitNoWrites(Duration quiet, Duration patience) throws InterruptedException {
    ApiQuiet.await(cluster, quiet, Duration.ofMillis(5), patience);
  }

  KubernetesClient client() {
    return cluster.client();
  }

  URI webhook() {
    return URI.create("http://127.0.0.1:" + http.port() + AlertIntake.PATH);
  }

  String token() {
    return token;
  }

  @Override
  public void close() throws IOException {
    http.close();
    operator.stop();
    operatorClient.close();
    kubelet.close();
    cluster.close();
    Files.deleteIfExists(tokenFile);
  }
}
