package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.progressive.operator.monitoring.AlertRouting;
import dev.progressive.operator.monitoring.AlertmanagerFile;
import dev.progressive.operator.monitoring.SecretRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Debian's Alertmanager on 127.0.0.1, alone (no cluster peers), with the operator's generated routing:
 * the remediation webhook with a bearer token from a file, and a catch-all receiver that sends nothing
 * (the seed's team receivers need SMTP, Slack and PagerDuty accounts). The webhook route's
 * {@code group_interval} is one second instead of a minute, so a resolved alert reaches the operator at
 * once rather than with the group's next flush, and the operator's heartbeat arrives every second.
 */
public final class LocalAlertmanager implements AutoCloseable {
  public static final String GROUP_INTERVAL = "1s";
  private static final SecretRef TOKEN = new SecretRef("remediation-webhook", "token");

  private final LocalServer server;

  private LocalAlertmanager(LocalServer server) {
    this.server = server;
  }

  public static LocalAlertmanager start(Path directory, URI webhook, Path tokenFile) {
    return start(directory, webhook, tokenFile, URI.create("http://127.0.0.1:" + LoopbackPorts.free()));
  }

  /** On {@code url}: an Alertmanager started again where it was stopped, for the Prometheus that sends there. */
  static LocalAlertmanager start(Path directory, URI webhook, Path tokenFile, URI url) {
    var binary = SystemTool.require("prometheus-alertmanager", "prometheus-alertmanager");
    try {
      var secrets = directory.resolve("secrets");
      var token = Files.createDirectories(secrets.resolve(TOKEN.name())).resolve(TOKEN.key());
      Files.copy(tokenFile, token, StandardCopyOption.REPLACE_EXISTING);
      var config = Files.writeString(directory.resolve("alertmanager.yml"), config(webhook, secrets));
      return new LocalAlertmanager(LocalServer.start("Alertmanager", List.of(binary.toString(),
          "--config.file=" + config,
          "--storage.path=" + LocalServer.freshDirectory(directory.resolve("data")),
          "--web.listen-address=" + url.getAuthority(),
          "--web.external-url=" + url,
          "--cluster.listen-address=",
          "--log.level=warn"), url, directory.resolve("alertmanager.log")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Alertmanager's configuration into " + directory, e);
    }
  }

  @SuppressWarnings("unchecked")
  static String config(URI webhook, Path secrets) throws IOException {
    var routing = new AlertRouting(null,
        new AlertRouting.Route("default", Map.of(), List.of("alertname", "namespace"), "10s", "1m", "1h"),
        List.of(), List.of(new AlertRouting.Receiver("default", List.of(), List.of(), List.of())), List.of(),
        new AlertRouting.RemediationWebhook(webhook.toString(), TOKEN, GROUP_INTERVAL));
    var yaml = new YAMLMapper();
    Map<String, Object> config = yaml.readValue(AlertmanagerFile.yaml(routing, secrets), Map.class);
    var routes = (List<Map<String, Object>>) ((Map<String, Object>) config.get("route")).get("routes");
    routes.stream().filter(r -> AlertRouting.REMEDIATION_RECEIVER.equals(r.get("receiver")))
        .forEach(r -> r.put("group_interval", GROUP_INTERVAL));
    return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(config);
  }

  public URI url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }
}
