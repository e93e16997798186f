package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Argo CD health checks in argocd/argocd-cm.yaml, run by the real Lua interpreter on one resource per
 * state of its status (fixtures in src/test/resources/packaging/argocd/).
 */
class ArgoCdHealthTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path ARGOCD = ProjectTools.root().resolve("argocd");
  private static final Path FIXTURES = Path.of("src/test/resources/packaging/argocd");
  private static final String KEY_PREFIX = "resource.customizations.health.progressive.dev_";

  @TempDir
  Path workDir;

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "ProgressiveAgent   | no-status         | Progressing | Waiting for the operator to report a status",
      "ProgressiveAgent   | generation-behind | Progressing | Waiting for the operator to observe generation 3",
      "ProgressiveAgent   | ready             | Healthy     | AllReplicasReady: 2 of 2 replicas ready",
      "ProgressiveAgent   | rolling-out       | Progressing | ReplicasNotReady: 1 of 2 replicas ready",
      "ProgressiveAgent   | invalid-spec      | Degraded    | InvalidSpec: spec.scaling.minReplicas (3) is above spec.replicas (2)",
      "ProgressiveAgent   | canary-under-analysis | Progressing | Progressing: step 1 of 3: 1 canary pod, analysing for 2m",
      "ProgressiveAgent   | rolled-back       | Degraded    | RolledBack: errorRatioIncrease 0.49 above 0.01 over 2m",
      "ProgressiveAgent   | canary-paused     | Progressing | Paused: step 1 of 3 holds: requests: the canary served 12 of the 50 requests needed in 2m",
      "ProgressiveAgent   | rollout-frozen    | Progressing | Frozen: the error budget remaining is -12%: revision 5d8f waits until it is above 0",
      "ProgressiveAgent   | promoted          | Healthy     | AllReplicasReady: 2 of 2 replicas ready",
      "ProgressiveAgent   | reconcile-failed  | Degraded    | ReconcileFailed: deployments.apps is forbidden",
      "ProgressiveAgent   | rollout-stalled   | Degraded    | ProgressDeadlineExceeded: ReplicaSet npa-5d8 has timed out progressing",
      "ObservabilityStack | no-status         | Progressing | Waiting for the operator to report a status",
      "ObservabilityStack | generation-behind | Progressing | Waiting for the operator to observe generation 2",
      "ObservabilityStack | ready             | Healthy     | AllComponentsReady: alerting, dashboards and tracing are set up",
      "ObservabilityStack | setting-up        | Progressing | ComponentsPending: waiting for the PrometheusRule",
      "ObservabilityStack | invalid-spec      | Degraded    | InvalidSpec: spec.alerting.receivers[0].secretRef names no Secret",
      "ObservabilityStack | degraded          | Degraded    | MonitoringCrdsMissing: fell back to scrape annotations",
      "ObservabilityStack | secrets-missing   | Progressing | SecretsMissing: SecretsResolved: Secret remediation-webhook not found (key token)",
      "Incident           | no-status         | Progressing | Waiting for the operator to pick up the incident",
      "Incident           | detected          | Progressing | Detected",
      "Incident           | mitigating        | Progressing | Mitigating: step 2 of 5: circuitBreaker",
      "Incident           | awaiting-approval | Suspended   | Awaiting approval: step 0 (restart) on bma, mca, npa, rpa, wpa: 5 targets,"
          + " more than maxTargets=3; approve with: kubectl annotate incident db -n shop progressive.dev/approval=approved"
          + " (or rejected)",
      "Incident           | verifying         | Progressing | Verifying",
      "Incident           | resolved          | Healthy     | Resolved: the alert stopped firing after mitigation",
      "Incident           | escalated         | Degraded    | Escalated: still firing after verification",
      "Incident           | suppressed        | Healthy     | Suppressed, no playbook ran: the alert names no ProgressiveAgent"})
  void mapsEachStateToAnArgoCdHealth(String kind, String state, String status, String message) throws IOException {
    var resource = fixture(kind, state);
    var object = Files.writeString(workDir.resolve("object.lua"), "return " + LuaTable.of(resource) + "\n");
    var script = Files.writeString(workDir.resolve("health.lua"), healthScripts().get(KEY_PREFIX + kind));
    var lua = ProjectTools.find("lua5.4", "LUA", "install the Debian package lua5.4");
    var run = ProcessRun.of(workDir, Map.of(), List.of(lua.toString(),
        FIXTURES.resolve("health-driver.lua").toAbsolutePath().toString(), object.toString(), script.toString()));
    assertThat(run.succeeded().lines().toList()).containsExactly(status, message);
  }

  @Test
  void theArgoCdConfigMapCarriesTheScriptsKeptInTheRepository() throws IOException {
    var scripts = healthScripts();
    var conditions = Files.readString(ARGOCD.resolve("health/ready-condition.lua"));
    assertThat(scripts).containsOnlyKeys(
        KEY_PREFIX + "ProgressiveAgent", KEY_PREFIX + "ObservabilityStack", KEY_PREFIX + "Incident");
    assertThat(scripts.get(KEY_PREFIX + "ProgressiveAgent")).isEqualTo(conditions);
    assertThat(scripts.get(KEY_PREFIX + "ObservabilityStack")).isEqualTo(conditions);
    assertThat(scripts.get(KEY_PREFIX + "Incident")).isEqualTo(Files.readString(ARGOCD.resolve("health/incident.lua")));
  }

  private static Map<String, String> healthScripts() throws IOException {
    return YAML.convertValue(YAML.readTree(ARGOCD.resolve("argocd-cm.yaml").toFile()).path("data"),
        YAML.getTypeFactory().constructMapType(Map.class, String.class, String.class));
  }

  private static JsonNode fixture(String kind, String state) throws IOException {
    var file = FIXTURES.resolve(kind.toLowerCase() + "s.yaml").toFile();
    try (var parser = YAML.createParser(file)) {
      return YAML.readValues(parser, JsonNode.class).readAll().stream()
          .filter(r -> r.at("/metadata/name").asText().equals(state))
          .findFirst().orElseThrow(() -> new AssertionError("no " + state + " in " + file));
    }
  }
}
