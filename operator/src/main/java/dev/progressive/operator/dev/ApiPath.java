package dev.progressive.operator.dev;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A resource request path of the Kubernetes API split the way a real API server routes it:
 * {@code /api/v1/namespaces/ns/pods/name/status} or {@code /apis/group/version/plural/name}. The group is
 * empty for the core API; namespace, name and subresource are null when the path has none.
 */
record ApiPath(String group, String version, String namespace, String plural, String name, String subresource,
    Map<String, String> query) {

  private static final Pattern PATH = Pattern.compile("^/(?:api|apis/(?<group>[^/]+))/(?<version>[^/]+)"
      + "(?:/namespaces/(?<namespace>[^/]+))?/(?<plural>[^/]+)(?:/(?<name>[^/]+))?(?:/(?<sub>[^/]+))?$");
  // Subresources of a namespace itself: /api/v1/namespaces/{name}/status would otherwise read as a resource.
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  static Optional<ApiPath> parse(String pathAndQuery) {
    int split = pathAndQuery.indexOf('?');
    String path = split < 0 ? pathAndQuery : pathAndQuery.substring(0, split);
    var matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    var query = split < 0 ? Map.<String, String>of() : query(pathAndQuery.substring(split + 1));
    String group = matcher.group("group") == null ? "" : matcher.group("group");
    String namespace = matcher.group("namespace");
    String plural = matcher.group("plural");
    if (group.isEmpty() && namespace != null && matcher.group("name") == null && NAMESPACE_SUBRESOURCES.contains(plural)) {
      return Optional.of(new ApiPath("", matcher.group("version"), null, "namespaces", namespace, plural, query));
    }
    return Optional.of(new ApiPath(group, matcher.group("version"), namespace, plural, matcher.group("name"),
        matcher.group("sub"), query));
  }

  private static Map<String, String> query(String query) {
    var parameters = new LinkedHashMap<String, String>();
    for (String parameter : query.split("&")) {
      if (!parameter.isEmpty()) {
        int equals = parameter.indexOf('=');
        String key = equals < 0 ? parameter : parameter.substring(0, equals);
        String value = equals < 0 ? "" : parameter.substring(equals + 1);
        parameters.put(decode(key), decode(value));
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  boolean isCollection() {
    return name == null;
  }

  boolean isWatch() {
    return "true".equals(query.get("watch")) || "1".equals(query.get("watch"));
  }

  /** The path of the object itself, without subresource or query. */
  String objectPath() {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural + (name == null ? "" : "/" + name);
  }
}
