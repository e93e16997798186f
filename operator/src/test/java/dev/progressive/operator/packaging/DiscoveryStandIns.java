package dev.progressive.operator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Makes the embedded API map kinds its discovery documents do not list yet (RBAC, PodDisruptionBudget,
 * NetworkPolicy, ServiceMonitor): one schemaless CRD each, so that kubectl can create them. A kind the
 * cluster already serves is left alone.
 */
final class DiscoveryStandIns {
  private DiscoveryStandIns() {}

  static void addMissing(KubernetesClient client, List<JsonNode> manifests) {
    manifests.stream()
        .filter(m -> !served(client, m.path("apiVersion").asText(), m.path("kind").asText()))
        .map(m -> standIn(m.path("apiVersion").asText(), m.path("kind").asText()))
        .distinct()
        .forEach(crd -> client.resource(crd).create());
  }

  private static boolean served(KubernetesClient client, String apiVersion, String kind) {
    var resources = client.getApiResources(apiVersion);
    return resources != null && resources.getResources().stream().anyMatch(r -> r.getKind().equals(kind));
  }

  private static CustomResourceDefinition standIn(String apiVersion, String kind) {
    var group = apiVersion.substring(0, apiVersion.indexOf('/'));
    var version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    var plural = Pluralize.toPlural(kind.toLowerCase());
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName(plural + "." + group).endMetadata()
        .withNewSpec()
          .withGroup(group)
          .withScope(kind.startsWith("Cluster") ? "Cluster" : "Namespaced")
          .withNewNames().withKind(kind).withPlural(plural).withSingular(kind.toLowerCase()).endNames()
          .addNewVersion().withName(version).withServed(true).withStorage(true)
            .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema().endSchema()
          .endVersion()
        .endSpec()
        .build();
  }
}
