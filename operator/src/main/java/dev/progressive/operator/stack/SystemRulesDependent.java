package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.PrometheusRule;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The namespace's system-wide PrometheusRule; desired state comes from {@link StackRules}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class SystemRulesDependent extends RecordingDependent<PrometheusRule, ObservabilityStack> {
  public SystemRulesDependent() {
    super(PrometheusRule.class);
  }

  @Override
  protected PrometheusRule desired(ObservabilityStack stack, Context<ObservabilityStack> context) {
    return StackRules.desired(stack, MonitoringSetup.in(context));
  }
}
