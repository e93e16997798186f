package dev.progressive.operator;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The operator's CRDs, as the build generates them into the jar (and into crds/ in the repo). */
public final class Crds {
  /** Every CRD the operator owns; a test keeps this list equal to what the build generates. */
  public static final List<String> NAMES = List.of("progressiveagents.progressive.dev", "incidents.progressive.dev", "remediationplaybooks.progressive.dev",
      "observabilitystacks.progressive.dev");

  private Crds() {}

  public static String resource(String name) {
    return "META-INF/fabric8/" + name + "-v1.yml";
  }

  public static List<CustomResourceDefinition> load() {
    var serialization = new KubernetesSerialization();
    return NAMES.stream().map(name -> {
      try (var in = Crds.class.getClassLoader().getResourceAsStream(resource(name))) {
        if (in == null) {
          throw new IllegalStateException(resource(name) + " is missing from the classpath; build the operator module");
        }
        return serialization.unmarshal(in, CustomResourceDefinition.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }
}
