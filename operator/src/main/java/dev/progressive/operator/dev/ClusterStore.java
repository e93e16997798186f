package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;

/** The mock's own store, as the parts of the dev API that come before it read and write it. */
interface ClusterStore {

  /** The object at the path, if there is one. */
  Optional<JsonNode> object(String path);

  /** Stores a new object, as the mock's POST does. */
  MockResponse create(String path, JsonNode object);

  /** Replaces the object at the path (status only, for a path that ends in /status), as the mock's PUT does. */
  MockResponse replace(String path, JsonNode object);
}
