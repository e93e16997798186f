package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The discovery documents kubectl reads to map kinds, short names and categories to API paths: built-in
 * resources from a fixed table, custom resources from the CRDs currently stored in the cluster.
 */
final class Discovery {

  private static final Pattern GROUP_PATH = Pattern.compile("/apis/([^/]+)");
  private static final Pattern GROUP_VERSION_PATH = Pattern.compile("/apis/([^/]+)/([^/]+)");
  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

  private final Supplier<List<CustomResourceDefinition>> storedCrds;

  Discovery(Supplier<List<CustomResourceDefinition>> storedCrds) {
    this.storedCrds = storedCrds;
  }

  static boolean isDiscoveryPath(String path) {
    return path.equals("/version") || path.equals("/api") || path.equals("/api/v1") || path.equals("/apis")
        || GROUP_PATH.matcher(path).matches() || GROUP_VERSION_PATH.matcher(path).matches();
  }

  /** The document served at a discovery path, or empty when the path names an unknown group or version. */
  Optional<Object> document(String path) {
    return switch (path) {
      case "/version" -> Optional.of(ServerVersion.CURRENT);
      case "/api" -> Optional.of(new APIVersionsBuilder().withVersions("v1").build());
      case "/api/v1" -> Optional.of(resourceList("", "v1", builtInResources("", "v1")));
      case "/apis" -> Optional.of(groupList());
      default -> groupDocument(path);
    };
  }

  private Optional<Object> groupDocument(String path) {
    Matcher groupVersion = GROUP_VERSION_PATH.matcher(path);
    if (groupVersion.matches()) {
      List<APIResource> resources = resources(groupVersion.group(1), groupVersion.group(2));
      return resources.isEmpty() ? Optional.empty()
          : Optional.of(resourceList(groupVersion.group(1), groupVersion.group(2), resources));
    }
    Matcher group = GROUP_PATH.matcher(path);
    group.matches();
    return groupList().getGroups().stream().filter(g -> g.getName().equals(group.group(1))).findFirst()
        .map(Object.class::cast);
  }

  private List<APIResource> resources(String group, String version) {
    List<APIResource> resources = new ArrayList<>(builtInResources(group, version));
    storedCrds.get().stream()
        .filter(crd -> crd.getSpec().getGroup().equals(group))
        .forEach(crd -> servedVersions(crd).stream()
            .filter(v -> v.getName().equals(version))
            .forEach(v -> resources.addAll(customResources(crd, v))));
    return resources;
  }

  private APIGroupList groupList() {
    Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();
    BuiltInResource.ALL.stream().filter(r -> !r.group().isEmpty())
        .forEach(r -> addVersion(versionsByGroup, r.group(), r.version()));
    storedCrds.get().forEach(crd -> servedVersions(crd)
        .forEach(v -> addVersion(versionsByGroup, crd.getSpec().getGroup(), v.getName())));
    List<APIGroup> groups = versionsByGroup.entrySet().stream()
        .map(e -> apiGroup(e.getKey(), e.getValue()))
        .toList();
    return new APIGroupListBuilder().withGroups(groups).build();
  }

  private static void addVersion(Map<String, List<String>> versionsByGroup, String group, String version) {
    List<String> versions = versionsByGroup.computeIfAbsent(group, g -> new ArrayList<>());
    if (!versions.contains(version)) {
      versions.add(version);
    }
  }

  private static APIGroup apiGroup(String group, List<String> versions) {
    List<GroupVersionForDiscovery> forDiscovery = versions.stream()
        .map(v -> new GroupVersionForDiscovery(group + "/" + v, v))
        .toList();
    return new APIGroupBuilder().withName(group).withVersions(forDiscovery)
        .withPreferredVersion(forDiscovery.get(0)).build();
  }

  private static List<CustomResourceDefinitionVersion> servedVersions(CustomResourceDefinition crd) {
    // The storage version first: it becomes the group's preferred version.
    return crd.getSpec().getVersions().stream()
        .filter(CustomResourceDefinitionVersion::getServed)
        .sorted((a, b) -> Boolean.compare(Boolean.TRUE.equals(b.getStorage()), Boolean.TRUE.equals(a.getStorage())))
        .toList();
  }

  private static List<APIResource> builtInResources(String group, String version) {
    List<APIResource> resources = new ArrayList<>();
    BuiltInResource.ALL.stream()
        .filter(r -> r.group().equals(group) && r.version().equals(version))
        .forEach(r -> {
          resources.add(resource(r.plural(), r.kind(), r.namespaced(), VERBS)
              .withSingularName(r.kind().toLowerCase())
              .withShortNames(r.shortNames())
              .withCategories(r.categories())
              .build());
          r.subresources().forEach(sub -> resources.add(subresource(r.plural(), sub, r.kind(), r.namespaced())));
        });
    return resources;
  }

  private static List<APIResource> customResources(CustomResourceDefinition crd,
      CustomResourceDefinitionVersion version) {
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
    List<APIResource> resources = new ArrayList<>();
    resources.add(resource(names.getPlural(), names.getKind(), namespaced, VERBS)
        .withSingularName(names.getSingular())
        .withShortNames(names.getShortNames())
        .withCategories(names.getCategories())
        .build());
    if (version.getSubresources() != null && version.getSubresources().getStatus() != null) {
      resources.add(subresource(names.getPlural(), "status", names.getKind(), namespaced));
    }
    if (version.getSubresources() != null && version.getSubresources().getScale() != null) {
      resources.add(subresource(names.getPlural(), "scale", names.getKind(), namespaced));
    }
    return resources;
  }

  private static APIResourceBuilder resource(String name, String kind, boolean namespaced, List<String> verbs) {
    return new APIResourceBuilder().withName(name).withKind(kind).withNamespaced(namespaced).withVerbs(verbs)
        .withSingularName("");
  }

  private static APIResource subresource(String plural, String subresource, String kind, boolean namespaced) {
    String subresourceKind = subresource.equals("scale") ? "Scale" : kind;
    return resource(plural + "/" + subresource, subresourceKind, namespaced, SUBRESOURCE_VERBS).build();
  }

  private static APIResourceList resourceList(String group, String version, List<APIResource> resources) {
    return new APIResourceListBuilder()
        .withGroupVersion(group.isEmpty() ? version : group + "/" + version)
        .withResources(resources)
        .build();
  }

  /** What `kubectl version` shows for the server; the minor version matches the kubectl this is tested with. */
  record ServerVersion(String major, String minor, String gitVersion, String platform) {
    static final ServerVersion CURRENT = new ServerVersion("1", "32", "v1.32.0-progressive-dev", "linux/amd64");
  }
}
