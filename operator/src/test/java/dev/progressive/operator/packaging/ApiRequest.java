package dev.progressive.operator.packaging;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request to a Kubernetes resource path, read the way the API server's authorizer reads it: the
 * namespace ("" when cluster-scoped or across all namespaces) and the permission it needs.
 */
record ApiRequest(String namespace, Permission permission) {

  /** The permission a request needs, or empty for non-resource paths such as discovery. */
  static Optional<ApiRequest> of(String method, URI uri) {
    var segments = Arrays.stream(uri.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      return resource(method, uri, "", segments.subList(2, segments.size()));
    }
    if (segments.size() >= 4 && segments.get(0).equals("apis")) {
      return resource(method, uri, segments.get(1), segments.subList(3, segments.size()));
    }
    return Optional.empty();
  }

  /** rest: what follows the version, e.g. [namespaces, ns, deployments, name, status]. */
  private static Optional<ApiRequest> resource(String method, URI uri, String group, List<String> rest) {
    var namespace = "";
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    var resource = rest.size() >= 3 ? rest.get(0) + "/" + rest.get(2) : rest.get(0);
    var named = rest.size() >= 2;
    return Optional.of(new ApiRequest(namespace, new Permission(group, resource, verb(method, uri, named))));
  }

  private static String verb(String method, URI uri, boolean named) {
    return switch (method) {
      case "GET" -> named ? "get" : isWatch(uri) ? "watch" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> throw new IllegalArgumentException("unexpected method " + method + " " + uri);
    };
  }

  private static boolean isWatch(URI uri) {
    var query = Optional.ofNullable(uri.getQuery()).orElse("");
    return Arrays.stream(query.split("&")).anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
  }
}
