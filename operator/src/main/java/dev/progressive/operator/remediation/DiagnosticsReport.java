package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Incident;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The collected diagnostics as a ConfigMap owned by the Incident, bounded in size: ConfigMaps stop
 * at 1 MiB, and a report nobody can store helps nobody.
 */
public final class DiagnosticsReport {
  static final int MAX_ENTRY_BYTES = 64 * 1024;
  static final int MAX_TOTAL_BYTES = 512 * 1024;
  static final String TRUNCATED = "\n[truncated]\n";
  private static final int MIN_ENTRY_BYTES = 1024;
  private static final int RESERVED_FOR_OMISSIONS = 4096;

  private DiagnosticsReport() {}

  public static String name(Incident incident) {
    var name = incident.getMetadata().getName() + "-diagnostics";
    return name.length() <= 253 ? name : name.substring(0, 253);
  }

  public static ConfigMap desired(Incident incident, Map<String, String> entries) {
    var bounded = new LinkedHashMap<String, String>();
    var omitted = new ArrayList<String>();
    int total = 0;
    for (var entry : entries.entrySet()) {
      int room = MAX_TOTAL_BYTES - RESERVED_FOR_OMISSIONS - total;
      if (room < MIN_ENTRY_BYTES) {
        omitted.add(entry.getKey());
        continue;
      }
      var value = truncate(entry.getValue(), Math.min(MAX_ENTRY_BYTES, room));
      total += value.getBytes(StandardCharsets.UTF_8).length;
      bounded.put(entry.getKey(), value);
    }
    if (!omitted.isEmpty()) {
      bounded.put("omitted.txt", truncate("left out for size: " + String.join(", ", omitted) + "\n", RESERVED_FOR_OMISSIONS));
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
          .withName(name(incident))
          .withNamespace(incident.getMetadata().getNamespace())
          .addToLabels("app.kubernetes.io/managed-by", "progressive-operator")
          .addToLabels("app.kubernetes.io/component", "incident-diagnostics")
          .withOwnerReferences(new OwnerReferenceBuilder()
              .withApiVersion(incident.getApiVersion()).withKind(incident.getKind())
              .withName(incident.getMetadata().getName()).withUid(incident.getMetadata().getUid())
              .build())
        .endMetadata()
        .withData(bounded)
        .build();
  }

  static String truncate(String value, int maxBytes) {
    var bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return value;
    }
    int keep = Math.max(0, maxBytes - TRUNCATED.length());
    // Decoding a cut multi-byte character yields a replacement character; acceptable in a report.
    return new String(bytes, 0, keep, StandardCharsets.UTF_8) + TRUNCATED;
  }
}
