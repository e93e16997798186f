package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.cluster.StackTracing;
import dev.progressive.operator.common.RestrictedSecurity;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;

/**
 * A Jaeger v2 all-in-one (collector, in-memory store and UI in one process) for namespaces without a
 * tracing backend of their own. In memory means one replica and traces lost on restart: a
 * development and small-namespace choice; use backend external for anything larger.
 */
public final class Jaeger {
  static final String COMPONENT = "tracing";
  static final int OTLP_GRPC = 4317;
  static final int OTLP_HTTP = StackTracing.JAEGER_OTLP_HTTP;
  static final int UI = 16686;
  /** The health_check extension of the Jaeger v2 default configuration. */
  static final int HEALTH = 13133;

  private Jaeger() {}

  public static String name(ObservabilityStack stack) {
    return StackTracing.jaegerName(stack);
  }

  public static String queryUrl(ObservabilityStack stack) {
    return "http://" + name(stack) + "." + stack.getMetadata().getNamespace() + ".svc:" + UI;
  }

  public static Deployment deployment(ObservabilityStack stack) {
    var labels = StackLabels.standard(stack, COMPONENT);
    return new DeploymentBuilder()
        .withNewMetadata().withName(name(stack)).withNamespace(stack.getMetadata().getNamespace()).withLabels(labels).endMetadata()
        .withNewSpec()
          .withReplicas(1)
          .withNewSelector().withMatchLabels(StackLabels.selector(stack, COMPONENT)).endSelector()
          .withNewStrategy().withType("Recreate").endStrategy()
          .withNewTemplate()
            .withNewMetadata().withLabels(labels).endMetadata()
            .withNewSpec()
              .withAutomountServiceAccountToken(false)
              .withSecurityContext(RestrictedSecurity.pod())
              .addNewContainer()
                .withName("jaeger")
                .withImage(stack.getSpec().getTracing().getJaegerImage())
                .withPorts(containerPorts())
                .withNewReadinessProbe()
                  .withNewHttpGet().withPath("/status").withPort(new IntOrString(HEALTH)).endHttpGet()
                  .withPeriodSeconds(10)
                .endReadinessProbe()
                .withNewResources()
                  .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("256Mi")))
                  .withLimits(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")))
                .endResources()
                .withSecurityContext(RestrictedSecurity.container())
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
              .endContainer()
              .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  public static Service service(ObservabilityStack stack) {
    return new ServiceBuilder()
        .withNewMetadata().withName(name(stack)).withNamespace(stack.getMetadata().getNamespace())
          .withLabels(StackLabels.standard(stack, COMPONENT)).endMetadata()
        .withNewSpec()
          .withType("ClusterIP")
          .withSelector(StackLabels.selector(stack, COMPONENT))
          .withPorts(servicePorts())
        .endSpec()
        .build();
  }

  private static List<ContainerPort> containerPorts() {
    return List.of(
        new ContainerPortBuilder().withName("otlp-grpc").withContainerPort(OTLP_GRPC).withProtocol("TCP").build(),
        new ContainerPortBuilder().withName("otlp-http").withContainerPort(OTLP_HTTP).withProtocol("TCP").build(),
        new ContainerPortBuilder().withName("ui").withContainerPort(UI).withProtocol("TCP").build());
  }

  private static List<ServicePort> servicePorts() {
    return List.of(
        port("otlp-grpc", OTLP_GRPC),
        port("otlp-http", OTLP_HTTP),
        port("ui", UI));
  }

  private static ServicePort port(String name, int port) {
    return new ServicePortBuilder().withName(name).withPort(port).withTargetPort(new IntOrString(name)).withProtocol("TCP").build();
  }
}
