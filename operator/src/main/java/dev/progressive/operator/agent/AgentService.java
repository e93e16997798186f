package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.LinkedHashMap;

/** Desired Service of a ProgressiveAgent: a pure function of the resource, no cluster calls. */
public final class AgentService {
  private AgentService() {}

  public static Service desired(ProgressiveAgent agent) {
    var selector = new LinkedHashMap<>(AgentLabels.selector(agent));
    selector.put(AgentDeployment.SERVING_LABEL, "true");
    return new ServiceBuilder()
        .withNewMetadata()
          .withName(agent.getMetadata().getName())
          .withNamespace(agent.getMetadata().getNamespace())
          .withLabels(AgentLabels.standard(agent))
        .endMetadata()
        .withNewSpec()
          .withType("ClusterIP")
          .withSelector(selector)
          .addNewPort()
            .withName(AgentDeployment.PORT_NAME)
            .withPort(agent.getSpec().getPort())
            .withTargetPort(new IntOrString(AgentDeployment.PORT_NAME))
            .withProtocol("TCP")
          .endPort()
        .endSpec()
        .build();
  }

  /** The in-cluster URL other agents and the MCA reach this agent at. */
  public static String endpoint(ProgressiveAgent agent) {
    var meta = agent.getMetadata();
    return "http://" + meta.getName() + "." + meta.getNamespace() + ".svc:" + agent.getSpec().getPort();
  }
}
