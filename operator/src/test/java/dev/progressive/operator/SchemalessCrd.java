package dev.progressive.operator;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;

/**
 * A CRD as if installed without its schema: every version admits any object, as a cluster does under
 * version skew or with a CRD applied by hand from elsewhere. Printer columns and subresources stay.
 * {@code OperatorHarness.start(ProgressiveOperator.Settings.embedded(), SchemalessCrd::of)} runs the
 * operator on such a cluster.
 */
public final class SchemalessCrd {
  private SchemalessCrd() {}

  public static CustomResourceDefinition of(CustomResourceDefinition crd) {
    var copy = new CustomResourceDefinitionBuilder(crd).build();
    copy.getSpec().getVersions().forEach(version -> version.getSchema().setOpenAPIV3Schema(
        new JSONSchemaPropsBuilder().withType("object").withXKubernetesPreserveUnknownFields(true).build()));
    return copy;
  }
}
