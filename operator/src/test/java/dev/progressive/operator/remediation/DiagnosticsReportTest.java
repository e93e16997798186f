package dev.progressive.operator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticsReportTest {
  @Test
  void entriesAndTheWholeReportStayWithinTheirBounds() {
    var incident = Incidents.incident("inc-1", "AgentUnhealthy", Map.of());
    incident.getMetadata().setUid("uid-1");
    var entries = new LinkedHashMap<String, String>();
    for (int i = 0; i < 12; i++) {
      entries.put("logs-" + i + ".txt", "x".repeat(100_000));
    }
    var report = DiagnosticsReport.desired(incident, entries);
    int total = report.getData().values().stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length).sum();
    assertThat(total).isLessThanOrEqualTo(DiagnosticsReport.MAX_TOTAL_BYTES);
    assertThat(report.getData().get("logs-0.txt")).hasSizeLessThanOrEqualTo(DiagnosticsReport.MAX_ENTRY_BYTES)
        .endsWith(DiagnosticsReport.TRUNCATED);
    assertThat(report.getData().get("omitted.txt")).isEqualTo("left out for size: logs-8.txt, logs-9.txt, logs-10.txt, logs-11.txt\n");
    assertThat(report.getMetadata().getName()).isEqualTo("inc-1-diagnostics");
    assertThat(report.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(ref -> assertThat(ref.getUid()).isEqualTo("uid-1"));
  }

  @Test
  void smallEntriesAreKeptAsTheyAre() {
    var report = DiagnosticsReport.desired(Incidents.incident("inc-2", "A", Map.of()), Map.of("events.txt", "one event\n"));
    assertThat(report.getData()).containsEntry("events.txt", "one event\n");
  }
}
