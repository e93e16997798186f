package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Prometheus on 127.0.0.1, scraping the local pods every second through {@link ScrapeTargets},
 * evaluating the given rule file every second and sending alerts to the given Alertmanager.
 */
public final class LocalPrometheus implements AutoCloseable {
  public static final String INTERVAL = "1s";

  private final LocalServer server;

  private LocalPrometheus(LocalServer server) {
    this.server = server;
  }

  /** Writes its configuration into {@code directory} and starts it on {@code url}; fails naming the package when it is not installed. */
  public static LocalPrometheus start(Path directory, URI url, String rules, URI alertmanager, LocalServices services) {
    var binary = SystemTool.require("prometheus", "prometheus");
    try {
      Files.createDirectories(directory);
      var rulesFile = Files.writeString(directory.resolve("rules.yml"), rules);
      var targets = new ScrapeTargets(directory.resolve("targets.json"), services);
      var config = Files.writeString(directory.resolve("prometheus.yml"), config(rulesFile, targets.file(), alertmanager));
      return new LocalPrometheus(LocalServer.start("Prometheus", List.of(binary.toString(),
          "--config.file=" + config,
          "--storage.tsdb.path=" + LocalServer.freshDirectory(directory.resolve("data")),
          "--web.listen-address=" + url.getAuthority(),
          "--web.external-url=" + url,
          // A firing alert is sent again at this pace: an Alertmanager started again hears of it at once.
          "--rules.alert.resend-delay=" + INTERVAL,
          "--log.level=warn"), url, directory.resolve("prometheus.log")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Prometheus' configuration into " + directory, e);
    }
  }

  /** JSON is YAML, and needs no YAML library here. */
  private static String config(Path rules, Path targets, URI alertmanager) throws IOException {
    return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of(
        "global", Map.of("scrape_interval", INTERVAL, "scrape_timeout", INTERVAL, "evaluation_interval", INTERVAL),
        "rule_files", List.of(rules.toString()),
        "alerting", Map.of("alertmanagers", List.of(Map.of("static_configs",
            List.of(Map.of("targets", List.of(alertmanager.getAuthority())))))),
        "scrape_configs", List.of(Map.of(
            "job_name", "progressive-agents",
            "metrics_path", "/metrics",
            "file_sd_configs", List.of(Map.of("files", List.of(targets.toString()), "refresh_interval", "5s"))))));
  }

  public URI url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }
}
