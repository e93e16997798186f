package dev.progressive.operator.agent;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.progressive.operator.dev.LocalMonitoring;
import dev.progressive.operator.dev.SystemTool;
import dev.progressive.operator.monitoring.RuleFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's Prometheus binary, scraping the given targets with the labels a ServiceMonitor gives them
 * and evaluating the given rules, until closed.
 */
final class RealPrometheus implements AutoCloseable {
  /** One scrape target: where it listens and the labels it gets. */
  record Scrape(int port, Map<String, String> labels) {}

  private final Process process;
  private final URI url;

  private RealPrometheus(Process process, URI url) {
    this.process = process;
    this.url = url;
  }

  static RealPrometheus start(Path directory, Duration scrapeInterval, List<Scrape> targets, RuleFile rules) throws IOException {
    var binary = SystemTool.require("prometheus", "prometheus");
    var url = LocalMonitoring.prometheusAddress();
    var rulesFile = Files.writeString(directory.resolve("rules.yml"), rules.toYaml());
    var interval = scrapeInterval.toSeconds() + "s";
    // JSON is YAML.
    var config = Files.writeString(directory.resolve("prometheus.yml"), new ObjectMapper().writeValueAsString(Map.of(
        "global", Map.of("scrape_interval", interval, "scrape_timeout", "1s", "evaluation_interval", interval),
        "rule_files", List.of(rulesFile.toString()),
        "scrape_configs", List.of(Map.of("job_name", "agents", "static_configs", targets.stream()
            .map(t -> Map.of("targets", List.of("127.0.0.1:" + t.port()), "labels", t.labels())).toList())))));
    var process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + Files.createDirectories(directory.resolve("data")), "--web.listen-address=" + url.getAuthority(),
        "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
    var prometheus = new RealPrometheus(process, url);
    try {
      var http = HttpClient.newHttpClient();
      await("Prometheus ready").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.send(
          HttpRequest.newBuilder(url.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    } catch (RuntimeException | Error e) {
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  URI url() {
    return url;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
