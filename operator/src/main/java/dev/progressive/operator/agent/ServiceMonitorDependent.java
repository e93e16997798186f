package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.ServiceMonitor;
import dev.progressive.operator.common.Labels;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The agent's ServiceMonitor; desired state comes from {@link AgentServiceMonitor}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class ServiceMonitorDependent extends AgentDependent<ServiceMonitor> {
  public ServiceMonitorDependent() {
    super(ServiceMonitor.class);
  }

  @Override
  ServiceMonitor desired(ProgressiveAgent agent, AgentPlan plan) {
    return AgentServiceMonitor.desired(agent, plan.monitoring());
  }
}
