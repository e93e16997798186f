package dev.progressive.operator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rendered chart grants the operator's ServiceAccount, as the API server's authorizer would see it:
 * ClusterRoles bound by ClusterRoleBindings apply everywhere; Roles (and ClusterRoles) bound by a RoleBinding
 * apply in the binding's namespace. Rules are expanded to one permission per group, resource and verb.
 */
record ChartGrants(Set<Permission> clusterWide, Map<String, Set<Permission>> byNamespace) {

  static ChartGrants of(RenderedChart chart) {
    var serviceAccount = chart.ofKind("Deployment").get(0).at("/spec/template/spec/serviceAccountName").asText();
    var clusterWide = new TreeSet<Permission>();
    var byNamespace = new HashMap<String, Set<Permission>>();
    for (var binding : chart.ofKind("ClusterRoleBinding")) {
      if (binds(binding, serviceAccount)) {
        clusterWide.addAll(rules(role(chart, binding, null)));
      }
    }
    for (var binding : chart.ofKind("RoleBinding")) {
      if (binds(binding, serviceAccount)) {
        var namespace = binding.at("/metadata/namespace").asText();
        var scope = binding.at("/roleRef/kind").asText().equals("ClusterRole") ? null : namespace;
        byNamespace.computeIfAbsent(namespace, ns -> new TreeSet<>()).addAll(rules(role(chart, binding, scope)));
      }
    }
    return new ChartGrants(clusterWide, byNamespace);
  }

  /** What the ServiceAccount may do in a namespace. */
  Set<Permission> in(String namespace) {
    var granted = new TreeSet<>(clusterWide);
    granted.addAll(byNamespace.getOrDefault(namespace, Set.of()));
    return granted;
  }

  private static boolean binds(JsonNode binding, String serviceAccount) {
    for (var subject : binding.path("subjects")) {
      if (subject.path("kind").asText().equals("ServiceAccount") && subject.path("name").asText().equals(serviceAccount)) {
        return true;
      }
    }
    return false;
  }

  /** The Role or ClusterRole a binding refers to; namespace null for a ClusterRole. */
  private static JsonNode role(RenderedChart chart, JsonNode binding, String namespace) {
    var kind = binding.at("/roleRef/kind").asText();
    var name = binding.at("/roleRef/name").asText();
    Optional<JsonNode> role = chart.ofKind(kind).stream()
        .filter(r -> r.at("/metadata/name").asText().equals(name))
        .filter(r -> namespace == null || r.at("/metadata/namespace").asText().equals(namespace))
        .findFirst();
    return role.orElseThrow(() -> new AssertionError(RenderedChart.name(binding) + " refers to a missing " + kind + " " + name));
  }

  private static Set<Permission> rules(JsonNode role) {
    var permissions = new TreeSet<Permission>();
    for (var rule : role.path("rules")) {
      for (var group : rule.path("apiGroups")) {
        for (var resource : rule.path("resources")) {
          for (var verb : rule.path("verbs")) {
            permissions.add(new Permission(group.asText(), resource.asText(), verb.asText()));
          }
        }
      }
    }
    return permissions;
  }
}
