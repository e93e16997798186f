package dev.progressive.operator.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a child the operator writes reaches exactly its desired state without server-side apply, as
 * pure functions over the child as JSON. An update replaces the child whole (with its resourceVersion),
 * keeping only what {@link ClusterSetFields} leaves to the cluster; labels and annotations, on the
 * child and on its pod template, converge three-way through the records of {@link ManagedKeys}.
 *
 * <p>A child records, in annotations, the keys of each such map that the operator set, and a hash of
 * the desired state it last wrote. The hash is what notices a field the operator stopped setting
 * (a removed probe, a removed resource limit): comparing with the child alone cannot tell such a
 * leftover from a default the API server added. The comparison catches what others changed.
 */
final class ChildConvergence {
  private static final String PREFIX = "progressive.dev/";
  static final String APPLIED_HASH = PREFIX + "applied-hash";
  private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** The maps that others write too, and the annotation that records the operator's keys in each. */
  enum SharedMap {
    LABELS(PREFIX + "managed-labels", "metadata", "labels"),
    ANNOTATIONS(PREFIX + "managed-annotations", "metadata", "annotations"),
    TEMPLATE_LABELS(PREFIX + "managed-template-labels", "spec", "template", "metadata", "labels"),
    TEMPLATE_ANNOTATIONS(PREFIX + "managed-template-annotations", "spec", "template", "metadata", "annotations");

    final String record;
    private final List<String> path;

    SharedMap(String record, String... path) {
      this.record = record;
      this.path = List.of(path);
    }

    /** The map, or null where the object has none (no pod template, no labels). */
    @SuppressWarnings("unchecked")
    Map<String, String> in(Map<String, Object> object) {
      Object node = object;
      for (var step : path) {
        node = node instanceof Map<?, ?> map ? map.get(step) : null;
      }
      return node instanceof Map<?, ?> map ? (Map<String, String>) map : null;
    }

    /** Whether the object has the map's parent, e.g. a pod template's metadata. */
    boolean fits(Map<String, Object> object) {
      Object node = object;
      for (var step : path.subList(0, path.size() - 1)) {
        node = node instanceof Map<?, ?> map ? map.get(step) : null;
      }
      return node instanceof Map<?, ?>;
    }

    @SuppressWarnings("unchecked")
    void put(Map<String, Object> object, Map<String, String> value) {
      Map<String, Object> node = object;
      for (var step : path.subList(0, path.size() - 1)) {
        node = (Map<String, Object>) node.computeIfAbsent(step, s -> new LinkedHashMap<String, Object>());
      }
      node.put(path.get(path.size() - 1), value);
    }
  }

  private ChildConvergence() {}

  /** The child to create: the desired one with the records of what the operator sets. */
  static Map<String, Object> created(Map<String, Object> desired) {
    @SuppressWarnings("unchecked")
    var created = (Map<String, Object>) ClusterSetFields.copy(desired);
    SharedMap.ANNOTATIONS.put(created, withRecords(desired));
    return created;
  }

  /**
   * The child to write over {@code actual}: the desired one, with what the cluster and others set
   * kept from {@code actual}, and in each shared map the keys the operator set before and no longer
   * wants removed.
   */
  static Map<String, Object> updated(Map<String, Object> actual, Map<String, Object> desired) {
    var written = ClusterSetFields.overlay(actual, desired);
    var previously = Objects.requireNonNullElse(SharedMap.ANNOTATIONS.in(actual), Map.<String, String>of());
    for (var shared : SharedMap.values()) {
      if (shared.fits(desired)) {
        var wanted = shared == SharedMap.ANNOTATIONS ? withRecords(desired) : orEmpty(shared.in(desired));
        shared.put(written, ManagedKeys.converge(shared.in(actual), wanted, managedBefore(shared, previously)));
      }
    }
    return written;
  }

  /** The keys the operator set before in one map; the records themselves are always its own. */
  private static Set<String> managedBefore(SharedMap shared, Map<String, String> annotations) {
    var keys = new HashSet<>(ManagedKeys.parse(annotations.get(shared.record)));
    if (shared == SharedMap.ANNOTATIONS) {
      Arrays.stream(SharedMap.values()).forEach(s -> keys.add(s.record));
    }
    return keys;
  }

  /**
   * Whether {@code actual} already is what {@link #updated} would write, as far as the operator is
   * concerned: then a resync writes nothing.
   */
  static boolean matches(Map<String, Object> actual, Map<String, Object> desired) {
    if (!ClusterSetFields.covers(actual, desired)) {
      return false;
    }
    var written = updated(actual, desired);
    for (var shared : SharedMap.values()) {
      if (!orEmpty(shared.in(written)).equals(orEmpty(shared.in(actual)))) {
        return false;
      }
    }
    return true;
  }

  /** The desired annotations, the record of the keys of each shared map, and the hash of the desired state. */
  private static Map<String, String> withRecords(Map<String, Object> desired) {
    var annotations = new LinkedHashMap<>(orEmpty(SharedMap.ANNOTATIONS.in(desired)));
    for (var shared : SharedMap.values()) {
      var keys = orEmpty(shared.in(desired)).keySet();
      if (!keys.isEmpty()) {
        annotations.put(shared.record, ManagedKeys.record(keys));
      }
    }
    annotations.put(APPLIED_HASH, hash(desired));
    return annotations;
  }

  /** A digest of everything the operator sets outside metadata, the same for the same content in any key order. */
  static String hash(Map<String, Object> desired) {
    var content = new LinkedHashMap<>(desired);
    content.remove(ClusterSetFields.METADATA);
    content.remove(ClusterSetFields.STATUS);
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the desired state", e);
    }
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
