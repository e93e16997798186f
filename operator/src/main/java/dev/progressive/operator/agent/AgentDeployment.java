package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RestrictedSecurity;
import dev.progressive.operator.delivery.TemplateRevision;
import dev.progressive.operator.delivery.Track;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Desired Deployment of a ProgressiveAgent: a pure function of the resource, no cluster calls. */
public final class AgentDeployment {
  public static final String CONTAINER = "agent";
  public static final String PORT_NAME = "http";
  /** Pods carry it; the Service selects on it, so flipping it takes a pod out of traffic. */
  public static final String SERVING_LABEL = ProgressiveAgent.GROUP + "/serving";
  private static final String BREAKER_VOLUME = "circuit-breaker";
  private static final long PRE_STOP_SECONDS = 5;
  static final String LIVENESS_PATH = "/health/live";
  static final String READINESS_PATH = "/health/ready";
  static final String METRICS_PATH = "/metrics";

  /** On the stable Deployment: the template its pods run, as {@link #template} built it. */
  static final String TEMPLATE_ANNOTATION = ProgressiveAgent.GROUP + "/template";
  static final String CANARY_SUFFIX = "-canary";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private AgentDeployment() {}

  /** Set on the pod template to roll the pods, as `kubectl rollout restart` does. */
  public static final String RESTARTED_AT = ProgressiveAgent.GROUP + "/restartedAt";

  /** The restart stamp a Deployment's pod template carries, if any. */
  static Optional<String> restartStamp(Deployment deployment) {
    return Optional.ofNullable(deployment.getSpec().getTemplate()).map(PodTemplateSpec::getMetadata)
        .map(ObjectMeta::getAnnotations).map(annotations -> annotations.get(RESTARTED_AT));
  }

  /** Labels that the pods of every agent carry and no other pod of the operator's: the pods that run the agent runtime. */
  public static Map<String, String> labelsOfEveryAgentPod() {
    return Map.of(Labels.MANAGED_BY, Labels.MANAGER, Labels.COMPONENT, AgentLabels.COMPONENT);
  }

  /** The agent's stable Deployment with the template its spec asks for, as when no rollout runs. */
  public static Deployment desired(ProgressiveAgent agent, ActiveMitigations mitigations) {
    return stable(agent, template(agent), mitigations.replicas(agent.getSpec()), mitigations);
  }

  /**
   * The Deployment that serves the agent outside a rollout, running {@code template} on the stable track. It records
   * the template in {@link #TEMPLATE_ANNOTATION}, so that a later reconcile knows which revision the stable pods run.
   */
  static Deployment stable(ProgressiveAgent agent, PodTemplateSpec template, int replicas, ActiveMitigations mitigations) {
    var deployment = deployment(agent, agent.getMetadata().getName(), AgentLabels.selector(agent), replicas,
        onTrack(template, Track.STABLE, mitigations));
    deployment.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(TEMPLATE_ANNOTATION, SERIALIZATION.asJson(template))));
    return deployment;
  }

  /**
   * The canary of a rollout, {@code <agent>-canary}: the new template on the canary track, behind the same Service.
   * Its selector adds the track, so that it never counts the stable pods as its own; the stable Deployment's
   * selector (immutable, from before rollouts) matches the canary pods too, but a Deployment only takes over pods
   * of ReplicaSets it owns.
   */
  static Deployment canary(ProgressiveAgent agent, PodTemplateSpec template, int replicas, ActiveMitigations mitigations) {
    var selector = new LinkedHashMap<>(AgentLabels.selector(agent));
    selector.put(Track.POD_LABEL, Track.CANARY.value());
    return deployment(agent, canaryName(agent), selector, replicas, onTrack(template, Track.CANARY, mitigations));
  }

  static String canaryName(ProgressiveAgent agent) {
    return agent.getMetadata().getName() + CANARY_SUFFIX;
  }

  /**
   * The template a stable Deployment records, as its annotation holds it (those written before rollouts record
   * none): enough for its revision; {@link #templateOf} reads it when the stable pods are to keep it.
   */
  static Optional<String> recordedTemplateJson(Deployment deployment) {
    return Optional.ofNullable(deployment.getMetadata().getAnnotations()).map(a -> a.get(TEMPLATE_ANNOTATION));
  }

  static PodTemplateSpec templateOf(String json) {
    return SERIALIZATION.unmarshal(json, PodTemplateSpec.class);
  }

  private static Deployment deployment(ProgressiveAgent agent, String name, Map<String, String> selector, int replicas,
      PodTemplateSpec template) {
    return new DeploymentBuilder()
        .withNewMetadata()
          .withName(name)
          .withNamespace(agent.getMetadata().getNamespace())
          .withLabels(AgentLabels.standard(agent))
        .endMetadata()
        .withNewSpec()
          .withReplicas(replicas)
          .withRevisionHistoryLimit(5)
          .withNewSelector().withMatchLabels(selector).endSelector()
          .withNewStrategy()
            .withType("RollingUpdate")
            .withNewRollingUpdate()
              .withMaxSurge(new IntOrString(1))
              .withMaxUnavailable(new IntOrString(0))
            .endRollingUpdate()
          .endStrategy()
          .withTemplate(template)
        .endSpec()
        .build();
  }

  /** The template as one track runs it: its label, and the restart stamp the mitigations hold. */
  private static PodTemplateSpec onTrack(PodTemplateSpec template, Track track, ActiveMitigations mitigations) {
    // A builder copies deeply, so the shared template stays as it was, and costs less than a copy through JSON.
    var onTrack = new PodTemplateSpecBuilder(template).editOrNewMetadata().addToLabels(Track.POD_LABEL, track.value());
    mitigations.lastRestart().ifPresent(at -> onTrack.addToAnnotations(RESTARTED_AT, at));
    return onTrack.endMetadata().build();
  }

  /** The labels of the agent's pods as its template sets them; PodDisruptionBudgets select on them. */
  static Map<String, String> podLabels(ProgressiveAgent agent) {
    var podLabels = new LinkedHashMap<>(AgentLabels.standard(agent));
    podLabels.put(SERVING_LABEL, "true");
    return podLabels;
  }

  /**
   * The pod template the spec asks for, before any track or mitigation: what a rollout compares, by its
   * {@link TemplateRevision}, with the one the stable pods run.
   */
  static PodTemplateSpec template(ProgressiveAgent agent) {
    var annotations = scrapeAnnotations(agent.getSpec().getPort());
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
          .withLabels(podLabels(agent))
          .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
          .withAutomountServiceAccountToken(false)
          .withSecurityContext(RestrictedSecurity.pod())
          .withTerminationGracePeriodSeconds(30L)
          .withContainers(container(agent))
          .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
          .addNewVolume().withName(BREAKER_VOLUME)
            .withNewConfigMap().withName(CircuitBreakerConfig.name(agent)).endConfigMap()
          .endVolume()
        .endSpec()
        .build();
  }

  /** The fallback discovery annotations, understood by Prometheus' kubernetes_sd relabelling. */
  static Map<String, String> scrapeAnnotations(int port) {
    var annotations = new LinkedHashMap<String, String>();
    annotations.put("prometheus.io/scrape", "true");
    annotations.put("prometheus.io/port", String.valueOf(port));
    annotations.put("prometheus.io/path", METRICS_PATH);
    return annotations;
  }

  private static Container container(ProgressiveAgent agent) {
    var spec = agent.getSpec();
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(spec.getImage())
        .addNewPort().withName(PORT_NAME).withContainerPort(spec.getPort()).withProtocol("TCP").endPort()
        .withEnv(AgentEnvironment.of(agent))
        .withResources(resources(spec.getResources()))
        .withLivenessProbe(probe(LIVENESS_PATH, 10, 3))
        .withReadinessProbe(probe(READINESS_PATH, 5, 2))
        // Endpoints controllers need a moment to drop a terminating pod; keep serving until then.
        .withNewLifecycle().withNewPreStop().withNewSleep().withSeconds(PRE_STOP_SECONDS).endSleep().endPreStop().endLifecycle()
        .withSecurityContext(RestrictedSecurity.container())
        .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
        .addNewVolumeMount().withName(BREAKER_VOLUME).withMountPath(CircuitBreakerConfig.MOUNT_PATH).withReadOnly(true).endVolumeMount()
        .build();
  }

  private static Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withHttpGet(new HTTPGetActionBuilder().withPath(path).withPort(new IntOrString(PORT_NAME)).build())
        .withInitialDelaySeconds(5)
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(2)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  static ResourceRequirements resources(ResourceRequirements requested) {
    if (requested != null && (!isEmpty(requested.getRequests()) || !isEmpty(requested.getLimits()))) {
      return requested;
    }
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity("100m"))
        .addToRequests("memory", new Quantity("256Mi"))
        .addToLimits("cpu", new Quantity("1"))
        .addToLimits("memory", new Quantity("512Mi"))
        .build();
  }

  private static boolean isEmpty(Map<?, ?> map) {
    return map == null || map.isEmpty();
  }
}
