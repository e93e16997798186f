package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.agent.AgentChildren;
import dev.progressive.operator.agent.ServingPodsDependent;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cli.Manifests;
import dev.progressive.operator.stack.StackChildren;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.config.dependent.DependentResourceSpec;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No child escapes convergence: java-operator-sdk's default matcher would keep what the operator no longer wants. */
class EveryDependentConvergesTest {

  @Test
  void everyDependentOfEveryControllerConverges() {
    // Registering reads the controllers' configuration only; nothing is sent to this address.
    try (var client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:9").build()).build()) {
      var operator = ProgressiveOperator.create(client, new SimpleMeterRegistry(), ProgressiveOperator.Settings.embedded());
      List<Class<?>> dependents = operator.getRegisteredControllers().stream()
          .flatMap(c -> ((Controller<?>) c).getConfiguration().getWorkflowSpec().stream())
          .flatMap(workflow -> workflow.getDependentResourceSpecs().stream())
          .<Class<?>>map(DependentResourceSpec::getDependentResourceClass)
          .toList();
      // The one dependent that owns no object: the serving label it sets on the Deployment's pods.
      assertThat(dependents).filteredOn(type -> !ConvergingDependent.class.isAssignableFrom(type))
          .containsExactly(ServingPodsDependent.class);
      assertThat(dependents).filteredOn(ConvergingDependent.class::isAssignableFrom).hasSizeGreaterThanOrEqualTo(14)
          // A child's informer caches only what the operator manages (not every object of its kind in the cluster).
          .allSatisfy(type -> assertThat(type.getAnnotation(KubernetesDependent.class)).as(type.getSimpleName())
              .extracting(d -> d.informer().labelSelector()).isEqualTo(Labels.OURS));
    }
  }

  @Test
  void everyChildCarriesTheLabelItsInformerSelects() throws Exception {
    var documents = Manifests.read(Path.of(System.getProperty("project.root", ".."), "samples"));
    var stack = Manifests.convert(documents.stream().filter(d -> d.kind().equals("ObservabilityStack")).findFirst().orElseThrow(),
        ObservabilityStack.class);
    var children = new ArrayList<HasMetadata>(StackChildren.desired(stack));
    documents.stream().filter(d -> d.kind().equals("ProgressiveAgent"))
        .map(d -> Manifests.convert(d, ProgressiveAgent.class))
        .forEach(agent -> {
          agent.getMetadata().setNamespace(stack.getMetadata().getNamespace());
          children.addAll(AgentChildren.desired(agent, Optional.of(stack)));
        });
    assertThat(children).hasSizeGreaterThan(10).allSatisfy(child -> assertThat(child.getMetadata().getLabels())
        .as(child.getKind() + " " + child.getMetadata().getName()).containsEntry(Labels.MANAGED_BY, Labels.MANAGER));
  }
}
