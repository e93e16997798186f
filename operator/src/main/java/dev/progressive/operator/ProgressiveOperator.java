package dev.progressive.operator;

import dev.progressive.operator.agent.AgentPrometheusRule;
import dev.progressive.operator.agent.AgentReconciler;
import dev.progressive.operator.cluster.MonitoringDiscovery;
import dev.progressive.operator.cluster.PrometheusSnapshots;
import dev.progressive.operator.common.ResourceCloner;
import dev.progressive.operator.dev.GeneratedRules;
import dev.progressive.operator.remediation.IncidentReconciler;
import dev.progressive.operator.remediation.PlaybookReconciler;
import dev.progressive.operator.remediation.RemediationSettings;
import dev.progressive.operator.stack.ObservabilityStackReconciler;
import dev.progressive.operator.stack.StackRules;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Builds the operator the same way for `run`, `dev` and the tests, so they exercise one code path. */
public final class ProgressiveOperator {
  public static final String LEASE_NAME = "progressive-operator-lease";
  /**
   * How long a stop waits for the reconciles in flight: they end on their own, their writes refused
   * ({@code ControllerStopped}), instead of being interrupted in the middle of a request. Well within a
   * pod's default 30 s of termination grace.
   */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private ProgressiveOperator() {}

  /**
   * What may differ between a production run and an embedded one.
   *
   * @param prometheusReads how often each Prometheus is asked about the agents' targets and rules
   */
  public record Settings(Set<String> namespaces, Optional<String> leaseNamespace, boolean leaderElection,
      RemediationSettings remediation, Optional<String> leaderIdentity, Duration prometheusReads) {
    public Settings(Set<String> namespaces, Optional<String> leaseNamespace, boolean leaderElection) {
      this(namespaces, leaseNamespace, leaderElection, RemediationSettings.defaults(), Optional.empty(), PrometheusSnapshots.INTERVAL);
    }

    public static Settings embedded() {
      return new Settings(Set.of(), Optional.empty(), false);
    }

    public Settings withRemediation(RemediationSettings remediation) {
      return new Settings(namespaces, leaseNamespace, leaderElection, remediation, leaderIdentity, prometheusReads);
    }

    /** Prometheus read this often (tests read it every second, as its scrapes go). */
    public Settings withPrometheusReads(Duration every) {
      return new Settings(namespaces, leaseNamespace, leaderElection, remediation, leaderIdentity, every);
    }

    /** Leader election under this name instead of the host's (two operators in one process need two names). */
    public Settings withLeaderElection(String leaseNamespace, String identity) {
      return new Settings(namespaces, Optional.of(leaseNamespace), true, remediation, Optional.of(identity), prometheusReads);
    }
  }

  /** The rules the operator writes for agents and stacks, for a Prometheus that reads files. */
  public static GeneratedRules generatedRules() {
    return new GeneratedRules(AgentPrometheusRule::rules, StackRules::rules);
  }

  public static Operator create(KubernetesClient client, MeterRegistry registry, Settings settings) {
    return create(client, registry, settings, Clock.systemUTC());
  }

  /** With the clock its reconcilers read: a test can hold a reconcile at a moment of its choosing. */
  public static Operator create(KubernetesClient client, MeterRegistry registry, Settings settings, Clock clock) {
    var operator = new Operator(o -> {
      // Merge patches, not server-side apply: the same path in production and against the test API.
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .withReconciliationTerminationTimeout(STOP_GRACE)
          .withResourceCloner(new ResourceCloner(client.getKubernetesSerialization()))
          .withUseSSAToPatchPrimaryResource(false)
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
      if (settings.leaderElection()) {
        o.withLeaderElectionConfiguration(Leadership.configuration(LEASE_NAME, settings.leaseNamespace().orElse(null),
            settings.leaderIdentity().orElse(null)));
      }
    });
    var discovery = new MonitoringDiscovery(client, clock);
    var snapshots = new PrometheusSnapshots(client, settings.prometheusReads(), clock);
    operator.register(new AgentReconciler(clock, discovery, settings.remediation().prometheus(), snapshots), c -> watch(c, settings));
    operator.register(new ObservabilityStackReconciler(clock, discovery, registry), c -> watch(c, settings));
    operator.register(new PlaybookReconciler(clock), c -> watch(c, settings));
    operator.register(new IncidentReconciler(clock, settings.remediation(), registry), c -> watch(c, settings));
    return operator;
  }

  private static void watch(ControllerConfigurationOverrider<?> controller, Settings settings) {
    if (!settings.namespaces().isEmpty()) {
      controller.settingNamespaces(settings.namespaces());
    }
  }
}
