package dev.progressive.operator.remediation;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.monitoring.AgentAlertRules;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds the ProgressiveAgent an alert is about, from the labels Prometheus rules and exporters set. */
public final class TargetResolver {
  private static final Set<String> AGENT_TYPES =
      Arrays.stream(AgentType.values()).map(AgentType::id).collect(Collectors.toSet());

  private TargetResolver() {}

  /** The agent, or why there is none: the alert names no agent, or names one that does not exist. */
  public record Resolution(Optional<ProgressiveAgent> agent, boolean named, String description) {
    static Resolution found(ProgressiveAgent agent, String how) {
      return new Resolution(Optional.of(agent), true, how);
    }

    static Resolution missing(String description) {
      return new Resolution(Optional.empty(), true, description);
    }
  }

  public static Resolution resolve(Map<String, String> labels, List<ProgressiveAgent> agents) {
    for (var key : List.of("deployment", AgentAlertRules.AGENT_LABEL)) {
      var name = labels.get(key);
      if (name != null) {
        return byName(agents, name).map(a -> Resolution.found(a, key + "=" + name))
            .orElseGet(() -> Resolution.missing("label " + key + "=" + name + " names no ProgressiveAgent"));
      }
    }
    // The seed's rules set service to the agent's type ("{{ $labels.agent_type }}") or to a
    // datastore (postgresql, redis), which names no agent.
    var service = labels.get("service");
    if (service != null) {
      var named = byName(agents, service);
      if (named.isPresent()) {
        return Resolution.found(named.get(), "service=" + service);
      }
      if (AGENT_TYPES.contains(service)) {
        return byType(agents, service, "service");
      }
    }
    var pod = labels.getOrDefault("pod", labels.get("agent_id"));
    if (pod != null) {
      var owner = agents.stream().filter(a -> pod.startsWith(a.getMetadata().getName() + "-"))
          .max(Comparator.comparingInt(a -> a.getMetadata().getName().length()));
      if (owner.isPresent()) {
        return Resolution.found(owner.get(), "pod=" + pod);
      }
    }
    var type = labels.get("agent_type");
    if (type != null) {
      return byType(agents, type, "agent_type");
    }
    return new Resolution(Optional.empty(), false, "the alert names no agent (labels deployment, service, pod or agent_type)");
  }

  private static Resolution byType(List<ProgressiveAgent> agents, String type, String label) {
    var ofType = agents.stream().filter(a -> a.getSpec() != null && a.getSpec().getAgentType() != null
        && type.equals(a.getSpec().getAgentType().id())).toList();
    return switch (ofType.size()) {
      case 1 -> Resolution.found(ofType.get(0), label + "=" + type);
      case 0 -> Resolution.missing("label " + label + "=" + type + " names no ProgressiveAgent");
      default -> Resolution.missing("label " + label + "=" + type + " matches " + ofType.size()
          + " agents; add a deployment label to the alert to say which");
    };
  }

  private static Optional<ProgressiveAgent> byName(List<ProgressiveAgent> agents, String name) {
    return agents.stream().filter(a -> name.equals(a.getMetadata().getName())).findFirst();
  }
}
