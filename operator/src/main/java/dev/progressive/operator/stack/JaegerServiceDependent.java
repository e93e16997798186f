package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.StackTracing;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/** The stack's Jaeger Service; desired state comes from {@link Jaeger}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class JaegerServiceDependent extends StackDependent<Service> {
  public JaegerServiceDependent() {
    super(Service.class);
  }

  @Override
  List<Service> children(ObservabilityStack stack, MonitoringSetup setup) {
    return List.of(Jaeger.service(stack));
  }

  @Override
  boolean wanted(ObservabilityStack stack, MonitoringSetup setup) {
    return StackTracing.runsJaeger(stack);
  }
}
