package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackTracing;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/** The stack's Jaeger Deployment; desired state comes from {@link Jaeger}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class JaegerDeploymentDependent extends StackDependent<Deployment> {
  public JaegerDeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  List<Deployment> children(ObservabilityStack stack, MonitoringSetup setup) {
    return List.of(Jaeger.deployment(stack));
  }

  @Override
  boolean wanted(ObservabilityStack stack, MonitoringSetup setup) {
    return StackTracing.runsJaeger(stack);
  }
}
