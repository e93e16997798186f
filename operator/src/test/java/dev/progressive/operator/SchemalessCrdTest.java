package dev.progressive.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.progressive.operator.dev.DevCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/** The embedded API refuses what the operator's CRDs forbid, and admits anything once they have no schema. */
class SchemalessCrdTest {
  private static final String AGENT = """
      {"apiVersion":"progressive.dev/v1alpha1","kind":"ProgressiveAgent","metadata":{"name":"odd","namespace":"default"},
       "spec":{"agentType":"xyz","image":"registry.example/agent-runtime:0.1.0","replicaz":4}}""";

  @Test
  void theCrdsRefuseAnUnknownEnumValue() {
    try (var cluster = DevCluster.start()) {
      Crds.load().forEach(crd -> cluster.client().resource(crd).create());

      assertThatThrownBy(() -> cluster.client().resource(agent(cluster)).create())
          .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422))
          .hasMessageContaining("spec.agentType: Unsupported value: \"xyz\"");
    }
  }

  @Test
  void theirSchemalessFormAdmitsItAndKeepsUnknownFields() {
    try (var cluster = DevCluster.start()) {
      Crds.load().forEach(crd -> cluster.client().resource(SchemalessCrd.of(crd)).create());

      var stored = cluster.client().resource(agent(cluster)).create();
      @SuppressWarnings("unchecked")
      var spec = (java.util.Map<String, Object>) stored.getAdditionalProperties().get("spec");
      assertThat(spec).containsEntry("agentType", "xyz").containsEntry("replicaz", 4);
    }
  }

  private static GenericKubernetesResource agent(DevCluster cluster) {
    return cluster.client().getKubernetesSerialization().unmarshal(AGENT, GenericKubernetesResource.class);
  }
}
