package dev.progressive.operator.dev;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.Locale;

/**
 * Applies a PATCH request's body by its content type, as the API server does: JSON patch (RFC 6902),
 * JSON merge patch (RFC 7386), and strategic merge patch for built-in kinds only. Server-side apply is
 * refused: the dev cluster does not track field managers.
 */
final class Patches {
  static final String JSON_PATCH = "application/json-patch+json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  static final String APPLY_PATCH = "application/apply-patch+yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A patch the API server would not apply, with the answer it would give. */
  static final class Refused extends Exception {
    private final transient MockResponse response;

    Refused(MockResponse response) {
      super(response.toString(), null, false, false);
      this.response = response;
    }

    MockResponse response() {
      return response;
    }
  }

  private Patches() {}

  /**
   * The object with the patch applied.
   *
   * @param builtInKind the kind, when the object is of a built-in kind; null for a custom resource
   */
  static JsonNode apply(String contentType, JsonNode current, String body, String builtInKind) throws Refused {
    String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case JSON_PATCH -> jsonPatch(current, parse(body));
      case MERGE_PATCH -> MergePatch.apply(current, parse(body));
      case STRATEGIC_MERGE_PATCH -> {
        if (builtInKind == null) {
          throw new Refused(ApiStatus.unsupportedMediaType("the body of the request was in an unknown format - accepted "
              + "media types include: " + JSON_PATCH + ", " + MERGE_PATCH + ", " + APPLY_PATCH));
        }
        yield new StrategicMergePatch(PatchMergeKeys.forKind(builtInKind)).apply(current, parse(body));
      }
      case APPLY_PATCH -> throw new Refused(ApiStatus.unsupportedMediaType(
          "the dev cluster has no server-side apply: use kubectl apply without --server-side"));
      default -> throw new Refused(ApiStatus.unsupportedMediaType("the body of the request was in an unknown format - "
          + "accepted media types include: " + JSON_PATCH + ", " + MERGE_PATCH + ", " + STRATEGIC_MERGE_PATCH));
    };
  }

  private static JsonNode jsonPatch(JsonNode current, JsonNode patch) throws Refused {
    if (!patch.isArray()) {
      throw new Refused(ApiStatus.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch"));
    }
    try {
      return JsonPatch.apply(patch, current);
    } catch (JsonPatchException e) {
      throw new Refused(ApiStatus.unprocessable(e.getMessage()));
    }
  }

  static JsonNode parse(String body) throws Refused {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new Refused(ApiStatus.badRequest("the request body is not JSON: " + e.getOriginalMessage()));
    }
  }
}
