package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.MonitoringSetup;
import dev.progressive.operator.cluster.ServiceMonitor;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RecordingDependent;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The agent's ServiceMonitor; desired state comes from {@link AgentServiceMonitor}. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.OURS))
public class ServiceMonitorDependent extends RecordingDependent<ServiceMonitor, ProgressiveAgent> {
  public ServiceMonitorDependent() {
    super(ServiceMonitor.class);
  }

  @Override
  protected ServiceMonitor desired(ProgressiveAgent agent, Context<ProgressiveAgent> context) {
    return AgentServiceMonitor.desired(agent, MonitoringSetup.in(context));
  }
}
