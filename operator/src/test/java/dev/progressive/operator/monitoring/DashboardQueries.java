package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL of a dashboard's panels and variables, with Grafana's variables replaced by valid stand-ins. */
final class DashboardQueries {

  /** One query and where it is, e.g. {@code mca-performance.json panel 2 B}. */
  record Query(String where, String promql) {}

  private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*\\w+\\)$");

  private DashboardQueries() {}

  static List<Query> of(Dashboard dashboard) {
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : dashboard.model().get("panels")) {
      if (panel.at("/datasource/type").asText().equals("prometheus")) {
        for (JsonNode target : panel.get("targets")) {
          queries.add(new Query(dashboard.fileName() + " panel " + panel.get("id") + " " + target.get("refId").asText(),
              withStandIns(target.get("expr").asText())));
        }
      }
    }
    for (JsonNode variable : dashboard.model().at("/templating/list")) {
      if (variable.get("type").asText().equals("query")) {
        Matcher labelValues = LABEL_VALUES.matcher(variable.get("definition").asText());
        if (!labelValues.matches()) {
          throw new AssertionError("variable " + variable.get("name") + " is not a label_values query");
        }
        queries.add(new Query(dashboard.fileName() + " variable " + variable.get("name").asText(),
            withStandIns(labelValues.group(1))));
      }
    }
    return queries;
  }

  /** Grafana's interval variables become durations; every other variable a label value. */
  static String withStandIns(String expr) {
    return expr.replace("$__rate_interval", "5m")
        .replace("$__interval", "1m")
        .replace("$__range", "1h")
        .replaceAll("\\$\\{?\\w+}?", "x");
  }
}
