package dev.progressive.runtime.agents.rpa;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.progressive.runtime.agents.Agent;
import dev.progressive.runtime.server.BadRequestException;
import dev.progressive.runtime.server.Json;
import dev.progressive.runtime.server.RequestBody;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** RPA, the report agent: one report that summarises what the other agents produced. */
public final class ReportAgent implements Agent {
  private static final Logger LOG = LoggerFactory.getLogger(ReportAgent.class);
  static final List<String> SECTIONS = List.of("nutrition", "workout", "budget");

  private final MeterRegistry registry;
  private final ReportBuilder builder = new ReportBuilder();

  public ReportAgent(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/reports", this::report);
  }

  private void report(ServerRequest request, ServerResponse response) {
    RequestBody body = Json.read(request);
    String title = body.optionalString("title", "Progress report", 200);
    RequestBody sectionsBody = body.requiredObject("sections");
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    for (String name : SECTIONS) {
      sectionsBody.optionalObject(name).ifPresent(section -> sections.put(name, section.json()));
    }
    if (sections.isEmpty()) {
      throw new BadRequestException("sections", "sections must hold at least one of " + SECTIONS);
    }
    ReportBuilder.Report report = builder.build(title, sections);
    Counter.builder("rpa.reports.generated").description("Reports generated")
        .tags("report_type", report.reportType()).register(registry).increment();
    LOG.info("report generated", kv("report_type", report.reportType()));
    Json.ok(response, report);
  }
}
