package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.ProgressiveOperator;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.config.dependent.DependentResourceSpec;
import io.javaoperatorsdk.operator.processing.Controller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
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
      assertThat(dependents).hasSizeGreaterThanOrEqualTo(14)
          .allSatisfy(type -> assertThat(ConvergingDependent.class).as(type.getSimpleName()).isAssignableFrom(type));
    }
  }
}
