package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The dashboards of {@code grafana-dashboards/} (the single source, copied into the jar by the
 * build), read from the classpath.
 */
public final class Dashboards {

  public static final String DIRECTORY = "grafana-dashboards";
  /** The namespace's dashboards, which an ObservabilityStack delivers. */
  public static final List<String> SYSTEM = List.of(
      "mca-performance.json", "agent-health-overview.json", "business-metrics.json");
  /** The template of one agent's dashboard. */
  public static final String AGENT_TEMPLATE = "agent.json";

  private static final int MAX_UID_LENGTH = 40;

  private Dashboards() {}

  public static List<Dashboard> system() {
    return SYSTEM.stream().map(Dashboards::load).toList();
  }

  public static Dashboard agentTemplate() {
    return load(AGENT_TEMPLATE);
  }

  /**
   * The dashboard of one agent: the template with its own uid and title, and its namespace, type
   * and scrape job (the agent's name) fixed, so that it opens on that agent.
   */
  public static Dashboard forAgent(String namespace, String agentName, String agentType) {
    ObjectNode model = agentTemplate().model();
    model.put("uid", agentUid(namespace, agentName));
    model.put("title", "Progressive Framework - Agent " + agentName + " (" + agentType + ") in " + namespace);
    ((ArrayNode) model.get("tags")).add(agentType);
    Map<String, String> fixed = Map.of("namespace", namespace, "agent_type", agentType, "agent", agentName);
    for (var variable : model.at("/templating/list")) {
      String value = fixed.get(variable.get("name").asText());
      if (value != null) {
        fixAt((ObjectNode) variable, value);
      }
    }
    return new Dashboard(agentName + ".json", model);
  }

  /** Grafana allows 40 characters; a hash of the full name keeps truncated uids apart. */
  static String agentUid(String namespace, String agentName) {
    String uid = "pa-" + sha256(namespace + "/" + agentName).substring(0, 8) + "-" + agentName;
    return uid.length() <= MAX_UID_LENGTH ? uid : uid.substring(0, MAX_UID_LENGTH);
  }

  /** A constant, hidden variable: the panels' queries keep their {@code $name} references. */
  private static void fixAt(ObjectNode variable, String value) {
    String name = variable.get("name").asText();
    String label = variable.path("label").asText(name);
    variable.removeAll();
    variable.put("name", name).put("label", label).put("type", "constant").put("query", value).put("hide", 2)
        .put("skipUrlSync", false);
    variable.putObject("current").put("text", value).put("value", value);
    variable.putArray("options").addObject().put("selected", true).put("text", value).put("value", value);
  }

  private static Dashboard load(String fileName) {
    String resource = "/" + DIRECTORY + "/" + fileName;
    try (InputStream in = Dashboards.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath; the build copies " + DIRECTORY);
      }
      ObjectNode model = (ObjectNode) Serialization.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new Dashboard(fileName, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
