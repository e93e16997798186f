package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.api.Tracing;
import dev.progressive.operator.api.Upstream;
import dev.progressive.operator.common.Labels;
import dev.progressive.operator.common.RestrictedPodSecurityStandard;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AgentDeploymentTest {
  @Test
  void podTemplatePassesTheRestrictedPodSecurityStandard() {
    var pod = AgentDeployment.desired(Agents.agent("npa", AgentType.NPA), ActiveMitigations.NONE).getSpec().getTemplate().getSpec();
    assertThat(RestrictedPodSecurityStandard.violations(pod)).isEmpty();
  }

  @Test
  void theCheckerCatchesAnUnsafePod() {
    var deployment = AgentDeployment.desired(Agents.agent("npa", AgentType.NPA), ActiveMitigations.NONE);
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    container.getSecurityContext().setAllowPrivilegeEscalation(true);
    container.getSecurityContext().getCapabilities().setDrop(List.of());
    assertThat(RestrictedPodSecurityStandard.violations(deployment.getSpec().getTemplate().getSpec()))
        .containsExactlyInAnyOrder("container agent: allowPrivilegeEscalation must be false",
            "container agent: capabilities must drop ALL");
  }

  @Test
  void childrenCarryTheStandardLabelsAndSelectStableOnes() {
    var agent = Agents.agent("npa-eu", AgentType.NPA);
    var deployment = AgentDeployment.desired(agent, ActiveMitigations.NONE);
    assertThat(deployment.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        Labels.NAME, "npa", Labels.INSTANCE, "npa-eu", Labels.COMPONENT, "agent",
        Labels.PART_OF, "progressive-framework", Labels.MANAGED_BY, "progressive-operator"));
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsExactlyInAnyOrderEntriesOf(Map.of(Labels.NAME, "npa", Labels.INSTANCE, "npa-eu"));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels())
        .containsEntry(AgentDeployment.SERVING_LABEL, "true");
  }

  @Test
  void everyAgentsPodsCarryTheLabelsOfEveryAgentPod() {
    for (var agent : List.of(Agents.agent("npa", AgentType.NPA), Agents.agent("mca-eu", AgentType.MCA))) {
      assertThat(AgentDeployment.desired(agent, ActiveMitigations.NONE).getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(AgentDeployment.labelsOfEveryAgentPod());
    }
  }

  @Test
  void argoCdTrackingMarksOfTheParentAreNeverCopied() {
    var agent = Agents.agent("mca", AgentType.MCA);
    agent.getMetadata().setLabels(Map.of(Labels.INSTANCE, "argo-app", "team", "x"));
    agent.getMetadata().setAnnotations(Map.of("argocd.argoproj.io/tracking-id", "app:progressive.dev/ProgressiveAgent:ns/mca"));
    for (var child : AgentChildren.desired(agent, Optional.empty())) {
      assertThat(child.getMetadata().getAnnotations()).doesNotContainKey("argocd.argoproj.io/tracking-id");
      assertThat(child.getMetadata().getLabels()).containsEntry(Labels.INSTANCE, "mca").doesNotContainKey("team");
    }
  }

  @Test
  void containerHasProbesScrapeAnnotationsResourcesAndTheRuntimeEnv() {
    var agent = Agents.agent("mca", AgentType.MCA);
    agent.getSpec().setUpstreams(List.of(new Upstream("npa", "http://npa:8080"), new Upstream("wpa", "http://wpa:8080")));
    var tracing = new Tracing();
    tracing.setEndpoint("http://jaeger:4317");
    tracing.setSamplingRatio(0.25);
    agent.getSpec().setTracing(tracing);
    var template = AgentDeployment.desired(agent, ActiveMitigations.NONE).getSpec().getTemplate();
    var container = template.getSpec().getContainers().get(0);

    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    assertThat(template.getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "8080").containsEntry("prometheus.io/path", "/metrics");
    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(values(container.getEnv())).containsEntry("AGENT_TYPE", "mca")
        .containsEntry("AGENT_PORT", "8080")
        .containsEntry("AGENT_UPSTREAMS", "npa=http://npa:8080,wpa=http://wpa:8080")
        .containsEntry("CIRCUIT_BREAKER_ENABLED", "true")
        .containsEntry("CIRCUIT_BREAKER_THRESHOLD", "5")
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4317")
        .containsEntry("OTEL_TRACES_SAMPLER_ARG", "0.25");
    assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("AGENT_ID")).singleElement()
        .satisfies(e -> assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name"));
  }

  @Test
  void userResourcesAndEnvAreKept() {
    var agent = Agents.agent("bma", AgentType.BMA);
    agent.getSpec().setResources(new ResourceRequirementsBuilder().addToLimits("memory", new Quantity("1Gi")).build());
    agent.getSpec().setEnv(List.of(new EnvVarBuilder().withName("DB_PASSWORD")
        .withNewValueFrom().withNewSecretKeyRef("password", "bma-db", false).endValueFrom().build()));
    var container = AgentDeployment.desired(agent, ActiveMitigations.NONE).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getResources().getLimits()).containsOnlyKeys("memory");
    assertThat(container.getEnv()).last().satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("bma-db"));
  }

  @Test
  void serviceSelectsServingPodsOnTheNamedPort() {
    var service = AgentService.desired(Agents.agent("wpa", AgentType.WPA));
    assertThat(service.getSpec().getSelector()).containsEntry(AgentDeployment.SERVING_LABEL, "true")
        .containsEntry(Labels.INSTANCE, "wpa");
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getPort()).isEqualTo(8080);
      assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
    });
  }

  private static Map<String, String> values(List<EnvVar> env) {
    return env.stream().filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
