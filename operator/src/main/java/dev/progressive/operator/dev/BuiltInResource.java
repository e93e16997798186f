package dev.progressive.operator.dev;

import java.util.List;

/**
 * A Kubernetes built-in resource that the dev cluster advertises in its discovery documents. The mock
 * stores any kind at any path; discovery is what lets kubectl map a kind or a short name to that path.
 */
record BuiltInResource(
    String group,
    String version,
    String kind,
    String plural,
    boolean namespaced,
    List<String> shortNames,
    List<String> subresources,
    List<String> categories) {

  static final List<BuiltInResource> ALL = List.of(
      core("Namespace", "namespaces", false, List.of("ns"), List.of("status"), List.of()),
      core("ConfigMap", "configmaps", true, List.of("cm"), List.of(), List.of()),
      core("Secret", "secrets", true, List.of(), List.of(), List.of()),
      core("Service", "services", true, List.of("svc"), List.of("status"), List.of("all")),
      core("Pod", "pods", true, List.of("po"), List.of("status"), List.of("all")),
      core("Event", "events", true, List.of("ev"), List.of(), List.of()),
      core("ServiceAccount", "serviceaccounts", true, List.of("sa"), List.of(), List.of()),
      core("Endpoints", "endpoints", true, List.of("ep"), List.of(), List.of()),
      core("PersistentVolumeClaim", "persistentvolumeclaims", true, List.of("pvc"), List.of("status"), List.of()),
      core("Node", "nodes", false, List.of("no"), List.of("status"), List.of()),
      apps("Deployment", "deployments", List.of("deploy")),
      apps("StatefulSet", "statefulsets", List.of("sts")),
      apps("ReplicaSet", "replicasets", List.of("rs")),
      apps("DaemonSet", "daemonsets", List.of("ds")),
      new BuiltInResource("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions",
          false, List.of("crd", "crds"), List.of("status"), List.of("api-extensions")),
      new BuiltInResource("coordination.k8s.io", "v1", "Lease", "leases",
          true, List.of(), List.of(), List.of()),
      new BuiltInResource("events.k8s.io", "v1", "Event", "events",
          true, List.of("ev"), List.of(), List.of()),
      rbac("Role", "roles", true),
      rbac("RoleBinding", "rolebindings", true),
      rbac("ClusterRole", "clusterroles", false),
      rbac("ClusterRoleBinding", "clusterrolebindings", false),
      new BuiltInResource("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets",
          true, List.of("pdb"), List.of("status"), List.of()),
      new BuiltInResource("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies",
          true, List.of("netpol"), List.of(), List.of()));

  private static BuiltInResource core(String kind, String plural, boolean namespaced, List<String> shortNames,
      List<String> subresources, List<String> categories) {
    return new BuiltInResource("", "v1", kind, plural, namespaced, shortNames, subresources, categories);
  }

  private static BuiltInResource rbac(String kind, String plural, boolean namespaced) {
    return new BuiltInResource("rbac.authorization.k8s.io", "v1", kind, plural, namespaced, List.of(), List.of(), List.of());
  }

  private static BuiltInResource apps(String kind, String plural, List<String> shortNames) {
    return new BuiltInResource("apps", "v1", kind, plural, true, shortNames, List.of("status", "scale"),
        List.of("all"));
  }

  boolean hasStatus() {
    return subresources.contains("status");
  }
}
