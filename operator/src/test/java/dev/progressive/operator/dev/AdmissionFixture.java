package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.progressive.operator.Crds;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Admits objects with {@link SchemaAdmission} against a CRD, and reads the answer as a client would. */
final class AdmissionFixture {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final SchemaAdmission admission = new SchemaAdmission();
  private final CustomResourceDefinition crd;

  AdmissionFixture(CustomResourceDefinition crd) {
    this.crd = crd;
  }

  /** One of the operator's CRDs, by kind. */
  static AdmissionFixture forKind(String kind) {
    return new AdmissionFixture(Crds.load().stream().filter(c -> c.getSpec().getNames().getKind().equals(kind)).findFirst()
        .orElseThrow());
  }

  static AdmissionFixture forCrd(String yaml) {
    return new AdmissionFixture(SERIALIZATION.unmarshal(yaml, CustomResourceDefinition.class));
  }

  SchemaAdmission.Outcome create(String json, String fieldValidation) {
    return admission.admit(crd, version(), object(json), MissingNode.getInstance(), false, fieldValidation);
  }

  SchemaAdmission.Outcome update(String json, String old, boolean statusWrite) {
    return admission.admit(crd, version(), object(json), object(old), statusWrite, "Strict");
  }

  SchemaAdmission admission() {
    return admission;
  }

  CustomResourceDefinition crd() {
    return crd;
  }

  private String version() {
    return crd.getSpec().getVersions().get(0).getName();
  }

  static ObjectNode object(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored object of an admitted write; fails on a refusal. */
  static ObjectNode admitted(SchemaAdmission.Outcome outcome) {
    if (outcome instanceof SchemaAdmission.Outcome.Admitted admitted) {
      return admitted.object();
    }
    throw new AssertionError("refused: " + status(outcome));
  }

  /** The Status of a refusal; fails on an admitted write. */
  static JsonNode status(SchemaAdmission.Outcome outcome) {
    if (outcome instanceof SchemaAdmission.Outcome.Refused refused) {
      try {
        return JSON.readTree(new String(refused.response().getBody().getBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new AssertionError("admitted: " + ((SchemaAdmission.Outcome.Admitted) outcome).object());
  }
}
