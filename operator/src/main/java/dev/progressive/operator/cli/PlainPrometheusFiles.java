package dev.progressive.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.progressive.operator.agent.AgentPrometheusRule;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.delivery.Track;
import dev.progressive.operator.monitoring.AlertmanagerFile;
import dev.progressive.operator.stack.StackAlerting;
import dev.progressive.operator.stack.StackRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a Prometheus and an Alertmanager without prometheus-operator need: one rule file per agent and
 * per stack under {@code rules/}, a {@code prometheus.yml} that loads them and finds the agents' pods
 * by their scrape annotations, and an {@code alertmanager.yml} per stack with its credentials as files.
 */
final class PlainPrometheusFiles {
  static final String RULES = "rules";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private PlainPrometheusFiles() {}

  /** Writes the files; answers the paths written. */
  static List<Path> write(Path dir, List<ProgressiveAgent> agents, List<ObservabilityStack> stacks) throws IOException {
    Files.createDirectories(dir.resolve(RULES));
    var written = new ArrayList<Path>();
    for (var agent : agents) {
      var meta = agent.getMetadata();
      written.add(write(dir.resolve(RULES).resolve(meta.getNamespace() + "-" + meta.getName() + ".yml"),
          AgentPrometheusRule.rules(agent).toYaml()));
    }
    for (var stack : stacks) {
      written.add(write(dir.resolve(RULES).resolve(stack.getMetadata().getNamespace() + "-" + StackRules.name(stack) + ".yml"),
          StackRules.rules(stack).toYaml()));
      var routing = StackAlerting.routing(stack);
      if (routing.isPresent()) {
        var name = stacks.size() == 1 ? "alertmanager.yml" : "alertmanager-" + stack.getMetadata().getNamespace() + ".yml";
        written.add(write(dir.resolve(name), AlertmanagerFile.yaml(routing.get(), AlertmanagerFile.DEFAULT_SECRETS_DIR)));
      }
    }
    written.add(write(dir.resolve("prometheus.yml"), prometheusConfig(agents)));
    return written;
  }

  private static Path write(Path file, String content) throws IOException {
    return Files.writeString(file, content);
  }

  static String prometheusConfig(List<ProgressiveAgent> agents) throws JsonProcessingException {
    var namespaces = new TreeSet<String>();
    agents.forEach(a -> namespaces.add(a.getMetadata().getNamespace()));
    var config = new LinkedHashMap<String, Object>();
    config.put("global", Map.of("scrape_interval", "30s", "evaluation_interval", "30s"));
    config.put("rule_files", List.of(RULES + "/*.yml"));
    config.put("scrape_configs", List.of(scrapeConfig(new ArrayList<>(namespaces))));
    return YAML.writeValueAsString(config);
  }

  /**
   * kubernetes_sd over the pods of the agents' namespaces, kept by their {@code prometheus.io/*}
   * annotations. The job is the pod's instance label, the agent's name, as a ServiceMonitor would
   * name it after the agent's Service: the agent rules select {@code up} by that job.
   */
  private static Map<String, Object> scrapeConfig(List<String> namespaces) {
    var job = new LinkedHashMap<String, Object>();
    job.put("job_name", "progressive-agents");
    job.put("kubernetes_sd_configs", List.of(Map.of("role", "pod", "namespaces", Map.of("names", namespaces))));
    job.put("relabel_configs", List.of(
        relabel(List.of("__meta_kubernetes_pod_annotation_prometheus_io_scrape"), "keep", "true", null, null),
        relabel(List.of("__meta_kubernetes_pod_annotation_prometheus_io_path"), "replace", "(.+)", "$1", "__metrics_path__"),
        relabel(List.of("__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"), "replace",
            "([^:]+)(?::\\d+)?;(\\d+)", "$1:$2", "__address__"),
        relabel(List.of("__meta_kubernetes_namespace"), "replace", "(.*)", "$1", "namespace"),
        relabel(List.of("__meta_kubernetes_pod_name"), "replace", "(.*)", "$1", "pod"),
        relabel(List.of("__meta_kubernetes_pod_label_app_kubernetes_io_instance"), "replace", "(.+)", "$1", "job"),
        relabel(List.of(Track.DISCOVERED_LABEL), "replace", "(.+)", "$1", Track.TARGET_LABEL)));
    return job;
  }

  private static Map<String, Object> relabel(List<String> sources, String action, String regex, String replacement, String target) {
    var rule = new LinkedHashMap<String, Object>();
    rule.put("source_labels", sources);
    rule.put("action", action);
    rule.put("regex", regex);
    if (replacement != null) {
      rule.put("replacement", replacement);
      rule.put("target_label", target);
    }
    return rule;
  }
}
