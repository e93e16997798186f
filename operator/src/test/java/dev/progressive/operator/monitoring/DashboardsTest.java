package dev.progressive.operator.monitoring;

import static dev.progressive.operator.monitoring.ExternalTool.promtool;
import static dev.progressive.operator.monitoring.ExternalTool.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardsTest {

  static final Path SOURCE = Path.of(System.getProperty("project.root", ".."), Dashboards.DIRECTORY);
  static final Set<String> MODERN_PANELS = Set.of("timeseries", "stat", "bargauge", "heatmap", "piechart", "logs");

  @TempDir Path dir;

  static List<Dashboard> all() {
    return Stream.concat(Dashboards.system().stream(), Stream.of(Dashboards.agentTemplate())).toList();
  }

  @Test
  void theJarCarriesEveryDashboardOfTheSourceDirectoryUnchanged() throws IOException {
    List<String> sourceFiles;
    try (Stream<Path> files = Files.list(SOURCE)) {
      sourceFiles = files.map(file -> file.getFileName().toString()).sorted().toList();
    }

    assertThat(sourceFiles).containsExactlyInAnyOrderElementsOf(
        Stream.concat(Dashboards.SYSTEM.stream(), Stream.of(Dashboards.AGENT_TEMPLATE)).toList());
    for (Dashboard dashboard : all()) {
      assertThat(dashboard.model())
          .isEqualTo(Serialization.JSON.readTree(SOURCE.resolve(dashboard.fileName()).toFile()));
    }
  }

  @Test
  void dashboardsHaveStableUids() {
    assertThat(all()).extracting(Dashboard::uid).containsExactly(
        "progressive-mca-performance", "progressive-agent-health", "progressive-business-metrics", "progressive-agent");
    assertThat(all()).extracting(Dashboard::title).containsExactly(
        "Progressive Framework - Master Control Agent (MCA)", "Progressive Framework - Agent Health Overview",
        "Progressive Framework - Business Metrics", "Progressive Framework - Agent");
  }

  @Test
  void dashboardsAreModernGrafanaJson() {
    Set<String> typesUsed = new TreeSet<>();
    for (Dashboard dashboard : all()) {
      JsonNode model = dashboard.model();
      assertThat(model.get("schemaVersion").asInt()).as(dashboard.fileName()).isGreaterThanOrEqualTo(39);
      assertThat(model.has("id")).as(dashboard.fileName() + " has no id, so that it imports anywhere").isFalse();
      JsonNode datasource = variable(dashboard, "datasource");
      assertThat(datasource.get("type").asText()).as(dashboard.fileName()).isEqualTo("datasource");
      assertThat(datasource.get("query").asText()).as(dashboard.fileName()).isEqualTo("prometheus");
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : model.get("panels")) {
        String where = dashboard.fileName() + " panel " + panel.get("title");
        typesUsed.add(panel.get("type").asText());
        assertThat(panel.get("type").asText()).as(where).isIn(MODERN_PANELS);
        assertThat(ids.add(panel.get("id").asInt())).as(where + " has a unique id").isTrue();
        assertThat(panel.has("gridPos")).as(where).isTrue();
        assertThat(panel.at("/datasource/uid").asText()).as(where).isIn("${datasource}", "${loki}");
        assertThat(panel.get("targets")).as(where).isNotEmpty();
      }
    }
    assertThat(typesUsed).contains("timeseries", "stat", "bargauge", "heatmap", "piechart").doesNotContain("graph");
  }

  @Test
  void agentTemplateShowsTheAgentsLogsFromLoki() {
    Dashboard template = Dashboards.agentTemplate();
    JsonNode logs = panels(template).stream().filter(panel -> panel.get("type").asText().equals("logs"))
        .findFirst().orElseThrow();

    assertThat(variable(template, "loki").get("type").asText()).isEqualTo("datasource");
    assertThat(variable(template, "loki").get("query").asText()).isEqualTo("loki");
    assertThat(logs.at("/datasource/type").asText()).isEqualTo("loki");
    assertThat(logs.at("/targets/0/expr").asText()).startsWith("{namespace=\"$namespace\",pod=~\"$agent-");
  }

  @Test
  void agentDashboardIsTheTemplateFixedOnOneAgent() {
    Dashboard dashboard = Dashboards.forAgent("shop", "nutrition", "npa");

    assertThat(dashboard.uid()).startsWith("pa-").endsWith("-nutrition");
    assertThat(dashboard.title()).isEqualTo("Progressive Framework - Agent nutrition (npa) in shop");
    assertThat(dashboard.fileName()).isEqualTo("nutrition.json");
    Map<String, String> fixed = Map.of("namespace", "shop", "agent_type", "npa", "agent", "nutrition");
    fixed.forEach((name, value) -> {
      JsonNode variable = variable(dashboard, name);
      assertThat(variable.get("type").asText()).as(name).isEqualTo("constant");
      assertThat(variable.get("query").asText()).as(name).isEqualTo(value);
      assertThat(variable.at("/current/value").asText()).as(name).isEqualTo(value);
    });
    assertThat(variable(dashboard, "datasource").get("type").asText()).isEqualTo("datasource");
    assertThat(dashboard.model().get("panels")).isEqualTo(Dashboards.agentTemplate().model().get("panels"));
  }

  @Test
  void agentUidsFitGrafanaAndStayApart() {
    String longName = "a-very-long-agent-name-that-goes-on-and-on";

    assertThat(Dashboards.agentUid("shop", longName)).hasSizeLessThanOrEqualTo(40);
    assertThat(Dashboards.agentUid("shop", longName)).isNotEqualTo(Dashboards.agentUid("shop2", longName));
    assertThat(Dashboards.agentUid("a-b", "c")).isNotEqualTo(Dashboards.agentUid("a", "b-c"));
    assertThat(Dashboards.agentUid("shop", "npa")).isEqualTo(Dashboards.agentUid("shop", "npa"));
  }

  @Test
  void everyDashboardQueryParses() throws IOException {
    List<Map<String, String>> rules = new ArrayList<>();
    List<String> where = new ArrayList<>();
    for (Dashboard dashboard : all()) {
      for (DashboardQueries.Query query : DashboardQueries.of(dashboard)) {
        rules.add(Map.of("record", "dashboard:query_" + rules.size(), "expr", query.promql()));
        where.add(query.where());
      }
    }
    Path file = dir.resolve("dashboard-queries.yml");
    Serialization.YAML.writeValue(file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules))));

    ExternalTool.Result result = promtool(dir, "check", "rules", file.toString());
    assertThat(result.exitCode()).as("promtool on the queries " + where + ":\n" + result.output()).isZero();
    assertThat(succeed(result)).contains(rules.size() + " rules found");
    assertThat(rules).hasSizeGreaterThan(50);
  }

  static JsonNode variable(Dashboard dashboard, String name) {
    for (JsonNode variable : dashboard.model().at("/templating/list")) {
      if (variable.get("name").asText().equals(name)) {
        return variable;
      }
    }
    throw new AssertionError(dashboard.fileName() + " has no variable " + name);
  }

  static List<JsonNode> panels(Dashboard dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    dashboard.model().get("panels").forEach(panels::add);
    return panels;
  }
}
