package dev.progressive.operator.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The revision of a pod template: the first 10 hex digits of the SHA-256 of its JSON with every key sorted, so the
 * same template always gives the same revision, whichever order its maps were built or read in.
 */
public final class TemplateRevision {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper SORTED = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final int LENGTH = 10;

  private TemplateRevision() {}

  public static String of(PodTemplateSpec template) {
    try {
      byte[] json = SORTED.writeValueAsBytes(SERIALIZATION.convertValue(template, Map.class));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, LENGTH);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a pod template", e);
    }
  }
}
