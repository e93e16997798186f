package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What an API server does with a Secret's {@code stringData} on every write: each entry goes into {@code data},
 * base64-encoded and over a {@code data} entry of the same key, and {@code stringData} itself is never stored.
 * A Secret applied with {@code stringData} then reads back as on a cluster.
 */
final class SecretStringData {
  private SecretStringData() {}

  /** The object to store: for a Secret, with its stringData folded into data; any other object as it is. */
  static ObjectNode fold(ApiPath path, ObjectNode object) {
    boolean secret = path.group().isEmpty() && path.plural().equals("secrets") && path.subresource() == null;
    if (!secret || !(object.remove("stringData") instanceof ObjectNode strings)) {
      return object;
    }
    var data = object.path("data") instanceof ObjectNode existing ? existing : object.putObject("data");
    strings.properties().forEach(entry -> data.put(entry.getKey(),
        Base64.getEncoder().encodeToString(entry.getValue().asText().getBytes(StandardCharsets.UTF_8))));
    return object;
  }
}
