package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.progressive.operator.delivery.Track;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus' file-based service discovery for the local pods: one target per pod a Service selects,
 * labelled as a ServiceMonitor labels it ({@code namespace}, {@code job} and {@code service} = the
 * Service, {@code pod}, and {@code track} from the pod's track label, as the agents' ServiceMonitors relabel it). Rewritten whenever pods or Services change; Prometheus watches the file.
 */
final class ScrapeTargets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final LocalServices services;
  private String written = "";

  ScrapeTargets(Path file, LocalServices services) {
    this.file = file;
    this.services = services;
    write();
    services.onChange(this::write);
  }

  Path file() {
    return file;
  }

  private static Map<String, String> labels(LocalServices.Endpoint endpoint) {
    var labels = new TreeMap<>(Map.of("namespace", endpoint.namespace(), "job", endpoint.service(),
        "service", endpoint.service(), "pod", endpoint.pod()));
    endpoint.track().ifPresent(track -> labels.put(Track.TARGET_LABEL, track));
    return labels;
  }

  synchronized void write() {
    var groups = services.endpoints().stream()
        .sorted(Comparator.comparing(LocalServices.Endpoint::pod))
        .map(e -> Map.of("targets", List.of("127.0.0.1:" + e.port()), "labels", labels(e)))
        .toList();
    try {
      var content = JSON.writeValueAsString(groups);
      if (content.equals(written)) {
        return;
      }
      var temporary = Files.writeString(file.resolveSibling("." + file.getFileName() + ".tmp"), content);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      written = content;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
