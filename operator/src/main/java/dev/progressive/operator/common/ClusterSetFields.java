package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the operator leaves to the cluster and to other controllers on a child it writes. Everything
 * else of a child is the operator's and is replaced by its desired value on every update (a whole
 * Deployment spec with its pod template: env, ports, volumes, probes, resources; a ConfigMap's data;
 * a rule's groups; a Service's spec), so that whatever the operator stopped wanting disappears.
 * Left alone:
 * <ul>
 *   <li>{@code metadata} apart from labels and annotations: resourceVersion (sent back, so the update
 *       is refused if the child changed meanwhile), uid, generation, creationTimestamp,
 *       deletionTimestamp, finalizers, managedFields, and ownerReferences (the operator adds its own
 *       to those present).
 *   <li>labels and annotations that others added, on the child and on its pod template
 *       ({@code kubectl label}, the {@code kubectl.kubernetes.io/restartedAt} of
 *       {@code kubectl rollout restart}, a reloader's checksum): {@link ManagedKeys} removes only the
 *       keys the operator recorded as its own.
 *   <li>{@code status}.
 *   <li>a Service's {@code spec.clusterIP}, {@code spec.clusterIPs}, {@code spec.ipFamilies} and
 *       {@code spec.ipFamilyPolicy}: the API server allocates them and refuses an update that drops them.
 *   <li>defaults the API server adds: a field the desired state does not set, and a key the desired
 *       state does not name in a map it does set, never make the operator update a child
 *       ({@link #covers}); resource quantities compare by amount, since the API server rewrites
 *       {@code 0.5} as {@code 500m}. Such fields are dropped from the update, and the API server
 *       defaults them again. The one exception is a ConfigMap's {@code data} and {@code binaryData},
 *       which no server defaults and which must hold exactly the desired keys.
 * </ul>
 * {@code spec.replicas} is the operator's: it declares no HorizontalPodAutoscaler; scaling goes
 * through the agent's {@code spec.replicas} and the mitigations of its Incidents.
 */
final class ClusterSetFields {
  static final String METADATA = "metadata";
  static final String STATUS = "status";
  private static final String SPEC = "spec";
  private static final List<String> SERVICE_ALLOCATED = List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy");
  private static final Set<String> EXACT = Set.of("data", "binaryData");

  private ClusterSetFields() {}

  /**
   * The object to write over {@code actual}: every field of {@code desired} outside metadata, with the
   * metadata, the status and the allocated Service fields of {@code actual}. Labels and annotations
   * are the caller's to converge.
   */
  static Map<String, Object> overlay(Map<String, Object> actual, Map<String, Object> desired) {
    var written = new LinkedHashMap<String, Object>();
    desired.forEach((field, value) -> {
      if (!METADATA.equals(field) && !STATUS.equals(field)) {
        written.put(field, copy(value));
      }
    });
    written.put(METADATA, copy(actual.get(METADATA)));
    if (actual.get(STATUS) != null) {
      written.put(STATUS, copy(actual.get(STATUS)));
    }
    if ("Service".equals(actual.get("kind")) && actual.get(SPEC) instanceof Map<?, ?> actualSpec
        && written.get(SPEC) instanceof Map<?, ?> spec) {
      @SuppressWarnings("unchecked")
      var target = (Map<String, Object>) spec;
      SERVICE_ALLOCATED.stream().filter(actualSpec::containsKey).forEach(f -> target.put(f, copy(actualSpec.get(f))));
    }
    return written;
  }

  /**
   * Whether {@code actual} holds every value {@code desired} sets outside metadata and status: an
   * object covers a desired one when it has each desired field and maybe more (defaults); a list
   * covers a desired list of the same length item by item (so an added or a removed item shows).
   */
  static boolean covers(Map<String, Object> actual, Map<String, Object> desired) {
    return desired.entrySet().stream()
        .filter(e -> !METADATA.equals(e.getKey()) && !STATUS.equals(e.getKey()))
        .allMatch(e -> EXACT.contains(e.getKey())
            ? Objects.equals(orEmpty(actual.get(e.getKey())), orEmpty(e.getValue()))
            : covers(actual.get(e.getKey()), e.getValue(), e.getKey()));
  }

  private static boolean covers(Object actual, Object desired, String path) {
    if (desired == null) {
      return true;
    }
    if (desired instanceof Map<?, ?> wanted) {
      if (actual == null) {
        return wanted.isEmpty();
      }
      return actual instanceof Map<?, ?> present && wanted.entrySet().stream()
          .allMatch(e -> covers(present.get(e.getKey()), e.getValue(), path + "." + e.getKey()));
    }
    if (desired instanceof List<?> wanted) {
      if (actual == null) {
        return wanted.isEmpty();
      }
      if (!(actual instanceof List<?> present) || present.size() != wanted.size()) {
        return false;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (!covers(present.get(i), wanted.get(i), path + "[]")) {
          return false;
        }
      }
      return true;
    }
    return sameScalar(actual, desired, path);
  }

  private static boolean sameScalar(Object actual, Object desired, String path) {
    if (actual instanceof Number a && desired instanceof Number d) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(d.toString())) == 0;
    }
    if (path.contains("resources.") && actual instanceof String a && desired instanceof String d) {
      return a.equals(d) || sameQuantity(a, d);
    }
    return desired.equals(actual);
  }

  private static boolean sameQuantity(String actual, String desired) {
    try {
      return Quantity.getAmountInBytes(new Quantity(actual)).compareTo(Quantity.getAmountInBytes(new Quantity(desired))) == 0;
    } catch (IllegalArgumentException notAQuantity) {
      return false;
    }
  }

  private static Object orEmpty(Object map) {
    return map == null ? Map.of() : map;
  }

  /** A deep copy of a JSON value, so that what is written shares nothing with its inputs. */
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      var copied = new LinkedHashMap<String, Object>();
      map.forEach((k, v) -> copied.put(String.valueOf(k), copy(v)));
      return copied;
    }
    if (value instanceof List<?> list) {
      var copied = new ArrayList<Object>(list.size());
      list.forEach(v -> copied.add(copy(v)));
      return copied;
    }
    return value;
  }
}
