package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.scaling) || ((!has(self.scaling.minReplicas) || self.scaling.minReplicas <= self.replicas)"
        + " && (!has(self.scaling.maxReplicas) || self.replicas <= self.scaling.maxReplicas))",
    message = "replicas must lie within scaling.minReplicas and scaling.maxReplicas")
public class ProgressiveAgentSpec {
  /** An OCI image reference: registry/path[:tag][@sha256:digest]. */
  public static final String IMAGE_PATTERN =
      "^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$";

  @Required
  @JsonPropertyDescription("Which agent this is: mca, npa, wpa, bma, rpa, or custom.")
  private AgentType agentType;

  @Required
  @Pattern(IMAGE_PATTERN)
  @JsonPropertyDescription("Container image of the agent runtime, e.g. ghcr.io/progressive/agent-runtime:0.1.0.")
  private String image;

  @Default("1")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Desired number of pods. Remediation may add replicas temporarily, never above scaling.maxReplicas.")
  private Integer replicas = 1;

  @JsonPropertyDescription("Bounds that every change of the replica count, including remediation, must respect.")
  private Scaling scaling;

  @Default("8080")
  @Min(1024)
  @Max(65535)
  @JsonPropertyDescription("Port the agent listens on; ports below 1024 need privileges the restricted Pod Security Standard forbids.")
  private Integer port = 8080;

  @JsonPropertyDescription("CPU and memory requests and limits of the agent container; sensible defaults apply when empty.")
  private ResourceRequirements resources;

  @JsonPropertyDescription("Extra environment variables. Reference secrets with valueFrom.secretKeyRef; never put them inline.")
  private List<EnvVar> env = new ArrayList<>();

  @JsonPropertyDescription("For the MCA: the agents it routes requests to.")
  private List<Upstream> upstreams = new ArrayList<>();

  @JsonPropertyDescription("How the agent is scraped, alerted on and shown in dashboards.")
  private Monitoring monitoring;

  @JsonPropertyDescription("The agent's own circuit breaker on its upstream calls.")
  private CircuitBreaker circuitBreaker;

  @JsonPropertyDescription("OpenTelemetry tracing of the agent.")
  private Tracing tracing;

  @JsonPropertyDescription("How a change of the pod template rolls out: canary steps gated by the agent's own metrics,"
      + " or all at once.")
  private Delivery delivery;

  public AgentType getAgentType() { return agentType; }
  public void setAgentType(AgentType agentType) { this.agentType = agentType; }
  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  public Scaling getScaling() { return scaling; }
  public void setScaling(Scaling scaling) { this.scaling = scaling; }
  public Integer getPort() { return port; }
  public void setPort(Integer port) { this.port = port; }
  public ResourceRequirements getResources() { return resources; }
  public void setResources(ResourceRequirements resources) { this.resources = resources; }
  public List<EnvVar> getEnv() { return env; }
  public void setEnv(List<EnvVar> env) { this.env = env; }
  public List<Upstream> getUpstreams() { return upstreams; }
  public void setUpstreams(List<Upstream> upstreams) { this.upstreams = upstreams; }
  public Monitoring getMonitoring() { return monitoring; }
  public void setMonitoring(Monitoring monitoring) { this.monitoring = monitoring; }
  public CircuitBreaker getCircuitBreaker() { return circuitBreaker; }
  public void setCircuitBreaker(CircuitBreaker circuitBreaker) { this.circuitBreaker = circuitBreaker; }
  public Tracing getTracing() { return tracing; }
  public void setTracing(Tracing tracing) { this.tracing = tracing; }
  public Delivery getDelivery() { return delivery; }
  public void setDelivery(Delivery delivery) { this.delivery = delivery; }
}
