package dev.progressive.operator.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cli.Manifests;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The samples' stack, moved to a namespace of a test's own, and the Secrets it references. */
final class SampleStack {
  private static final Path FILE = Path.of(System.getProperty("project.root", ".."), "samples", "observability-stack.yaml");

  private SampleStack() {}

  static ObservabilityStack in(String namespace) {
    return without(namespace);
  }

  /** The sample without the named sections of its spec. */
  static ObservabilityStack without(String namespace, String... sections) {
    try {
      var document = Manifests.read(FILE).get(0);
      var spec = (ObjectNode) document.body().path("spec");
      for (var section : sections) {
        spec.remove(section);
      }
      var stack = Manifests.convert(document, ObservabilityStack.class);
      stack.getMetadata().setNamespace(namespace);
      return stack;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the Secrets the sample's comment asks for, with every key it references. */
  static void createSecrets(KubernetesClient client, String namespace) {
    client.resource(secret(namespace, "alertmanager-credentials",
        Map.of("smtp-password", "c21hcnQ=", "slack-webhook-url", "aHR0cHM6Ly9ob29rcw==", "pagerduty-mca", "bWNh", "pagerduty-sre", "c3Jl")))
        .create();
    client.resource(secret(namespace, "remediation-webhook", Map.of("token", "dG9rZW4="))).create();
  }

  static Secret secret(String namespace, String name, Map<String, String> data) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().withData(data).build();
  }
}
