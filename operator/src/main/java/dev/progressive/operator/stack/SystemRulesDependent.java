package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.PrometheusRule;
import dev.progressive.operator.common.Labels;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/** The namespace's system-wide PrometheusRule; desired state comes from {@link StackRules}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class SystemRulesDependent extends StackDependent<PrometheusRule> {
  public SystemRulesDependent() {
    super(PrometheusRule.class);
  }

  @Override
  List<PrometheusRule> children(ObservabilityStack stack, MonitoringSetup setup) {
    return List.of(StackRules.desired(stack, setup));
  }
}
