package dev.progressive.operator.dev;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The patch strategies of the built-in kinds users apply, from the Kubernetes types' patchStrategy and
 * patchMergeKey tags: lists that merge by a key (containers by name, container ports by containerPort,
 * Service ports by port...), lists of strings that merge as sets, and objects whose keys are retained.
 * Every other list is replaced by a strategic merge patch, as the API server replaces it.
 *
 * <p>Paths are field names from the object's root, with {@code []} for the items of a list.
 */
final class PatchMergeKeys {

  /** How a path merges: by the key of its items; as a set of strings (key ""); or with $retainKeys. */
  record Strategy(String mergeKey, boolean retainKeys) {
    boolean mergesItems() {
      return mergeKey != null;
    }
  }

  private static final Map<String, Strategy> OBJECT_META = Map.of(
      "metadata.finalizers", new Strategy("", false),
      "metadata.ownerReferences", new Strategy("uid", false));
  private static final Map<String, Strategy> POD_SPEC = Map.ofEntries(
      Map.entry("containers", new Strategy("name", false)),
      Map.entry("initContainers", new Strategy("name", false)),
      Map.entry("ephemeralContainers", new Strategy("name", false)),
      Map.entry("volumes", new Strategy("name", true)),
      Map.entry("imagePullSecrets", new Strategy("name", false)),
      Map.entry("hostAliases", new Strategy("ip", false)),
      Map.entry("topologySpreadConstraints", new Strategy("topologyKey", false)),
      Map.entry("schedulingGates", new Strategy("name", false)),
      Map.entry("resourceClaims", new Strategy("name", true)));
  private static final Map<String, Strategy> CONTAINER = Map.of(
      "env", new Strategy("name", false),
      "ports", new Strategy("containerPort", false),
      "volumeMounts", new Strategy("mountPath", false),
      "volumeDevices", new Strategy("devicePath", false));
  private static final Map<String, String> POD_TEMPLATES = Map.of(
      "Pod", "spec",
      "Deployment", "spec.template.spec",
      "ReplicaSet", "spec.template.spec",
      "StatefulSet", "spec.template.spec",
      "DaemonSet", "spec.template.spec");

  private final Map<String, Strategy> strategies;

  private PatchMergeKeys(Map<String, Strategy> strategies) {
    this.strategies = strategies;
  }

  static PatchMergeKeys forKind(String kind) {
    var strategies = new HashMap<>(OBJECT_META);
    strategies.put("status.conditions", new Strategy("type", false));
    Optional.ofNullable(POD_TEMPLATES.get(kind)).ifPresent(podSpec -> {
      POD_SPEC.forEach((field, strategy) -> strategies.put(podSpec + "." + field, strategy));
      for (String containers : new String[] {"containers", "initContainers", "ephemeralContainers"}) {
        CONTAINER.forEach((field, strategy) -> strategies.put(podSpec + "." + containers + "[]." + field, strategy));
      }
    });
    switch (kind) {
      case "Deployment" -> strategies.put("spec.strategy", new Strategy(null, true));
      case "Service" -> strategies.put("spec.ports", new Strategy("port", false));
      default -> { }
    }
    return new PatchMergeKeys(Map.copyOf(strategies));
  }

  Optional<Strategy> at(String path) {
    return Optional.ofNullable(strategies.get(path));
  }
}
