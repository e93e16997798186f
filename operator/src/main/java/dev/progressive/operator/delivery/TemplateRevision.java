package dev.progressive.operator.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The revision of a pod template: the first 10 hex digits of the SHA-256 of its JSON with every key sorted, so the
 * same template always gives the same revision, whichever order its maps were built or read in.
 *
 * <p>Every reconcile of an agent asks for two (the template its spec asks for, the one its stable pods run), which
 * seldom change: each revision is remembered under the digest of the JSON as given, so that only a template not seen
 * before is read back and sorted.
 */
public final class TemplateRevision {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper SORTED = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final int LENGTH = 10;
  /** A few templates per agent, for thousands of agents; an entry is two short strings. */
  private static final long REMEMBERED = 16_384;
  private static final Cache<String, String> BY_DIGEST = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  private TemplateRevision() {}

  public static String of(PodTemplateSpec template) {
    return ofJson(SERIALIZATION.asJson(template));
  }

  /**
   * The revision of a template given as JSON, e.g. as a Deployment records it.
   *
   * @throws IllegalArgumentException when the JSON is no pod template with a container, as a record edited by hand
   */
  public static String ofJson(String json) {
    return BY_DIGEST.get(hex(json.getBytes(StandardCharsets.UTF_8)), digest -> sorted(json));
  }

  private static String sorted(String json) {
    Object template;
    try {
      template = SORTED.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (!(template instanceof Map<?, ?> map && map.get("spec") instanceof Map<?, ?> spec
        && spec.get("containers") instanceof List<?> containers && !containers.isEmpty())) {
      throw new IllegalArgumentException("not a pod template with a container");
    }
    try {
      return hex(SORTED.writeValueAsBytes(template)).substring(0, LENGTH);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a value just read always writes", e);
    }
  }

  private static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
