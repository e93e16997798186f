package dev.progressive.operator.dev;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.API;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAME;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAMESPACE;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.PLURAL;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The key of each stored object by its address (API group, plural, namespace, name). The mock finds one
 * object by testing every stored key against the query, so at a few thousand objects (an alert storm's
 * Incidents) each create, read and update costs milliseconds on its single thread; with this index a
 * request that names its object costs the same at any size.
 */
final class StoreIndex {

  private static final String ANY = "*";

  /** Where an object lives; two objects never share one. */
  private record Address(String api, String plural, String namespace, String name) {
  }

  /** What a lookup found: nothing to look up by (not one named object), the object's key, or none. */
  sealed interface Lookup {
    record Unaddressed() implements Lookup {
    }

    record Found(AttributeSet key) implements Lookup {
    }

    record Absent() implements Lookup {
    }
  }

  private final Map<Address, AttributeSet> keys = new ConcurrentHashMap<>();

  void stored(AttributeSet key) {
    address(key).ifPresent(address -> keys.put(address, key));
  }

  void removed(AttributeSet key) {
    address(key).ifPresent(address -> keys.remove(address, key));
  }

  void clear() {
    keys.clear();
  }

  /** The stored key that matches a query naming one object, as the mock's scan would find it. */
  Lookup find(AttributeSet query) {
    return address(query).<Lookup>map(address -> Optional.ofNullable(keys.get(address))
            .filter(key -> key.matches(query))
            .<Lookup>map(Lookup.Found::new)
            .orElseGet(Lookup.Absent::new))
        .orElseGet(Lookup.Unaddressed::new);
  }

  private static Optional<Address> address(AttributeSet attributes) {
    List<Attribute> parts = Stream.of(API, PLURAL, NAMESPACE, NAME).map(attributes::getAttribute).toList();
    if (parts.get(1) == null || parts.get(3) == null || parts.stream().anyMatch(p -> p != null && !exact(p))) {
      return Optional.empty();
    }
    return Optional.of(new Address(value(parts.get(0)), value(parts.get(1)), value(parts.get(2)), value(parts.get(3))));
  }

  private static boolean exact(Attribute attribute) {
    return attribute.getType() == AttributeType.WITH && attribute.getValues().size() == 1
        && !ANY.equals(attribute.getValues().get(0).toString());
  }

  private static String value(Attribute attribute) {
    return attribute == null ? null : attribute.getValues().get(0).toString();
  }
}
