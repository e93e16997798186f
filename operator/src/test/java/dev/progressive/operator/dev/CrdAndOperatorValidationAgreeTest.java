package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.agent.SpecValidation;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.common.SpecViolation;
import dev.progressive.operator.remediation.PlaybookValidation;
import dev.progressive.operator.stack.StackValidation;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One table of specs, judged by each CRD as the API server judges it and by the operator's own mirror of
 * its rules (SpecValidation, StackValidation, PlaybookValidation), which guards clusters without the
 * schema: both must refuse, naming the field, or both accept. The operator reads what the API stored
 * (defaults applied) when the CRD admits a spec, and the spec as written when it refuses it.
 */
class CrdAndOperatorValidationAgreeTest {
  private static final KubernetesSerialization CLIENT = new KubernetesSerialization();
  private static final Map<String, AdmissionFixture> CRDS = Map.of(
      "ProgressiveAgent", AdmissionFixture.forKind("ProgressiveAgent"),
      "ObservabilityStack", AdmissionFixture.forKind("ObservabilityStack"),
      "RemediationPlaybook", AdmissionFixture.forKind("RemediationPlaybook"));
  private static final String AGENT = "\"agentType\":\"npa\",\"image\":\"registry.example/agent-runtime:0.1.0\"";
  private static final String PLAYBOOK = "\"trigger\":{\"alertNames\":[\"X\"]}";

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ProgressiveAgent    | {AGENT}                                                          |                                        |
      ProgressiveAgent    | {"agentType":"xyz","image":"registry.example/a:1"}               | spec.agentType                         | spec.agentType
      ProgressiveAgent    | {"image":"registry.example/a:1"}                                 | spec.agentType                         | spec.agentType
      ProgressiveAgent    | {"agentType":"npa"}                                              | spec.image                             | spec.image
      ProgressiveAgent    | {"agentType":"npa","image":"Not An Image"}                       | spec.image                             | spec.image
      ProgressiveAgent    | {AGENT,"replicas":101}                                           | spec.replicas                          | spec.replicas
      ProgressiveAgent    | {AGENT,"replicas":-1}                                            | spec.replicas                          | spec.replicas
      ProgressiveAgent    | {AGENT,"replicas":"four"}                                        | spec.replicas                          | spec.replicas
      ProgressiveAgent    | {AGENT,"replicas":5,"scaling":{"maxReplicas":3}}                 | spec.replicas                          | spec:
      ProgressiveAgent    | {AGENT,"replicas":2,"scaling":{"minReplicas":3}}                 | spec.replicas                          | spec:
      ProgressiveAgent    | {AGENT,"replicas":3,"scaling":{"minReplicas":4,"maxReplicas":3}} | spec.scaling.minReplicas               | spec.scaling:
      ProgressiveAgent    | {AGENT,"replicas":3,"scaling":{"minReplicas":1,"maxReplicas":3}} |                                        |
      ProgressiveAgent    | {AGENT,"port":80}                                                | spec.port                              | spec.port
      ProgressiveAgent    | {AGENT,"port":70000}                                             | spec.port                              | spec.port
      ProgressiveAgent    | {AGENT,"upstreams":[{"name":"NPA","url":"http://npa:8080"}]}     | spec.upstreams[0].name                 | spec.upstreams[0].name
      ProgressiveAgent    | {AGENT,"upstreams":[{"name":"npa","url":"ftp://npa"}]}           | spec.upstreams[0].url                  | spec.upstreams[0].url
      ProgressiveAgent    | {AGENT,"circuitBreaker":{"threshold":0}}                         | spec.circuitBreaker.threshold          | spec.circuitBreaker.threshold
      ProgressiveAgent    | {AGENT,"tracing":{"samplingRatio":1.5}}                          | spec.tracing.samplingRatio             | spec.tracing.samplingRatio
      ProgressiveAgent    | {AGENT,"tracing":{"endpoint":"jaeger:4318"}}                     | spec.tracing.endpoint                  | spec.tracing.endpoint
      ProgressiveAgent    | {AGENT,"monitoring":{"scrapeInterval":"30 seconds"}}             | spec.monitoring.scrapeInterval         | spec.monitoring.scrapeInterval
      ProgressiveAgent    | {AGENT,"monitoring":{"slo":{"availability":40}}}                 | spec.monitoring.slo.availability       | spec.monitoring.slo.availability
      ProgressiveAgent    | {AGENT,"monitoring":{"slo":{"availability":99.9,"latencyP95":0.3}}} | spec.monitoring.slo.latencyP95      | spec.monitoring.slo:
      ProgressiveAgent    | {AGENT,"monitoring":{"slo":{"availability":99.9,"latencyP95":1}}} |                                       |
      ProgressiveAgent    | {AGENT,"monitoring":{"alerts":{"errorRatio":0}}}                 | spec.monitoring.alerts.errorRatio      | spec.monitoring.alerts.errorRatio
      ProgressiveAgent    | {AGENT,"monitoring":{"alerts":{"memoryMiB":0.5}}}                | spec.monitoring.alerts.memoryMiB       | spec.monitoring.alerts.memoryMiB
      ProgressiveAgent    | {AGENT,"monitoring":{"alerts":{"failuresPer10m":0.5}}}           | spec.monitoring.alerts.failuresPer10m  | spec.monitoring.alerts.failuresPer10m
      ProgressiveAgent    | {AGENT,"monitoring":{"alerts":{"responseTimeP95Seconds":0.0001}}} | spec.monitoring.alerts.responseTimeP95Seconds | spec.monitoring.alerts.responseTimeP95Seconds
      ProgressiveAgent    | {AGENT,"delivery":{"strategy":"canary","steps":[2,"25%","100%"],"interval":"90s","minRequests":10}} | |
      ProgressiveAgent    | {AGENT,"delivery":{"strategy":"all-at-once","interval":"10s"}}  |                                        |
      ProgressiveAgent    | {AGENT,"monitoring":{"scrapeInterval":"5s"},"delivery":{"strategy":"canary","interval":"10s"}} | |
      ProgressiveAgent    | {AGENT,"delivery":{"steps":["half"]}}                            | spec.delivery.steps[0]                 | spec.delivery.steps
      ProgressiveAgent    | {AGENT,"delivery":{"steps":[0,"100%"]}}                          | spec.delivery.steps[0]                 | spec.delivery.steps
      ProgressiveAgent    | {AGENT,"delivery":{"steps":[1,"0%"]}}                            | spec.delivery.steps[1]                 | spec.delivery.steps
      ProgressiveAgent    | {AGENT,"delivery":{"steps":[]}}                                  | spec.delivery.steps                    | spec.delivery.steps
      ProgressiveAgent    | {AGENT,"delivery":{"steps":[1,2,3,4,5,6,7,8,9,10,"100%"]}}       | spec.delivery.steps                    | spec.delivery.steps
      ProgressiveAgent    | {AGENT,"delivery":{"interval":"2 minutes"}}                      | spec.delivery.interval                 | spec.delivery.interval
      ProgressiveAgent    | {AGENT,"delivery":{"interval":"0s"}}                             | spec.delivery.interval                 | spec.delivery.interval
      ProgressiveAgent    | {AGENT,"delivery":{"minRequests":0}}                             | spec.delivery.minRequests              | spec.delivery.minRequests
      ProgressiveAgent    | {AGENT,"delivery":{"maxErrorRatioIncrease":1.5}}                 | spec.delivery.maxErrorRatioIncrease    | spec.delivery.maxErrorRatioIncrease
      ProgressiveAgent    | {AGENT,"delivery":{"maxLatencyP95Increase":-1}}                  | spec.delivery.maxLatencyP95Increase    | spec.delivery.maxLatencyP95Increase
      ObservabilityStack  | {}                                                               |                                        |
      ObservabilityStack  | {"tracing":{"backend":"zipkin"}}                                 | spec.tracing.backend                   | spec.tracing.backend
      ObservabilityStack  | {"tracing":{"backend":"external"}}                               | spec.tracing.endpoint                  | spec.tracing:
      ObservabilityStack  | {"tracing":{"samplingRatio":2}}                                  | spec.tracing.samplingRatio             | spec.tracing.samplingRatio
      ObservabilityStack  | {"tracing":{"backend":"external","endpoint":"collector:4317"}}   | spec.tracing.endpoint                  | spec.tracing.endpoint
      ObservabilityStack  | {"sla":{"availability":40}}                                      | spec.sla.availability                  | spec.sla.availability
      ObservabilityStack  | {"sla":{"latencyP95":0.3}}                                       | spec.sla.latencyP95                    | spec.sla:
      ObservabilityStack  | {"alerting":{}}                                                  | spec.alerting.smtp                     | spec.alerting.smtp
      ObservabilityStack  | {"alerting":{"smtp":{"smarthost":"mail","from":"a@b"},"slackWebhook":{"name":"s","key":"k"},"pagerDuty":{"mca":{"name":"p","key":"k"},"sre":{"name":"p","key":"k"}}}} | spec.alerting.smtp.smarthost | spec.alerting.smtp.smarthost
      ObservabilityStack  | {"remediation":{"webhookAuthSecret":{"name":"s","key":"k"}}}     | spec.remediation                       | spec.remediation.webhookUrl
      ObservabilityStack  | {"remediation":{"webhookUrl":"http://op:8080","webhookAuthSecret":{"name":"S","key":"k"}}} | spec.remediation.webhookAuthSecret.name | spec.remediation.webhookAuthSecret.name
      ObservabilityStack  | {"logging":{}}                                                   | spec.logging.lokiUrl                   | spec.logging.lokiUrl
      ObservabilityStack  | {"logging":{"lokiUrl":"loki:3100"}}                              | spec.logging.lokiUrl                   | spec.logging.lokiUrl
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"notify","sink":{"secretName":"hook"}}]} |                                   |
      RemediationPlaybook | {"steps":[{"action":"verify"}]}                                  | spec.trigger                           | spec.trigger
      RemediationPlaybook | {PLAYBOOK,"steps":[]}                                            | spec.steps                             | spec.steps
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"rebootTheWorld"}]}                 | spec.steps[0].action                   | spec.steps[0].action
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"scale"}]}                          | spec.steps[0].replicas                 | spec.steps[0]:
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"scale","replicas":0}]}             | spec.steps[0].replicas                 | spec.steps[0].replicas
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"verify","after":"10 minutes"}]}    | spec.steps[0].after                    | spec.steps[0].after
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"notify","sink":{}}]}               | spec.steps[0].sink.secretName          | spec.steps[0].sink.secretName
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"notify","sink":{"secretName":"h","format":"carrierPigeon"}}]} | spec.steps[0].sink.format | spec.steps[0].sink.format
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"verify"}],"guardrails":{"maxRunsPerHour":61}} | spec.guardrails.maxRunsPerHour | spec.guardrails.maxRunsPerHour
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"verify"}],"guardrails":{"cooldown":"1d"}} | spec.guardrails.cooldown        | spec.guardrails.cooldown
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"restart","approval":"required"}],"guardrails":{"maxTargets":1,"stormThreshold":1,"stormWindow":"1h","approvalTimeout":"30m"}} | |
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"restart","approval":"maybe"}]}     | spec.steps[0].approval                 | spec.steps[0].approval
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"verify"}],"guardrails":{"maxTargets":0}} | spec.guardrails.maxTargets       | spec.guardrails.maxTargets
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"verify"}],"guardrails":{"stormThreshold":0}} | spec.guardrails.stormThreshold | spec.guardrails.stormThreshold
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"verify"}],"guardrails":{"stormWindow":"10 minutes"}} | spec.guardrails.stormWindow | spec.guardrails.stormWindow
      RemediationPlaybook | {PLAYBOOK,"steps":[{"action":"verify"}],"guardrails":{"approvalTimeout":"1d"}} | spec.guardrails.approvalTimeout | spec.guardrails.approvalTimeout
      """)
  void theCrdAndTheOperatorAgree(String kind, String spec, String operatorField, String crdField) {
    String written = resource(kind, spec.replace("{AGENT", "{" + AGENT).replace("{PLAYBOOK", "{" + PLAYBOOK));
    var outcome = CRDS.get(kind).create(written, "Strict");
    boolean crdRefuses = outcome instanceof SchemaAdmission.Outcome.Refused;
    String read = crdRefuses ? written : AdmissionFixture.admitted(outcome).toString();
    var violations = operatorValidation(kind, read);

    if (operatorField == null) {
      assertThat(crdRefuses).as("the CRD refuses %s: %s", spec, crdRefuses ? AdmissionFixture.status(outcome) : "").isFalse();
      assertThat(violations).as("the operator accepts %s", spec).isEmpty();
    } else {
      assertThat(crdRefuses).as("the CRD refuses %s", spec).isTrue();
      assertThat(AdmissionFixture.status(outcome).path("message").asText()).contains(crdField);
      assertThat(violations).as("the operator refuses %s", spec).extracting(SpecViolation::field).contains(operatorField);
    }
  }

  /** What the schema cannot say: the CRD admits these, the operator refuses them. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ProgressiveAgent | {AGENT,"env":[{"name":"AGENT_TYPE","value":"x"}]}               | spec.env[0].name
      ProgressiveAgent | {AGENT,"env":[{"name":"1X","value":"x"}]}                       | spec.env[0].name
      ProgressiveAgent | {AGENT,"upstreams":[{"name":"npa","url":"http://a:1"},{"name":"npa","url":"http://b:1"}]} | spec.upstreams[1].name
      ProgressiveAgent | {AGENT,"delivery":{"interval":"99999999999999999999h"}}           | spec.delivery.interval
      ProgressiveAgent | {AGENT,"monitoring":{"scrapeInterval":"30s"},"delivery":{"strategy":"canary","interval":"45s"}} | spec.delivery.interval
      ProgressiveAgent | {AGENT,"monitoring":{"slo":{"availability":99.9}},"delivery":{"interval":"50s"}}| spec.delivery.interval
      """)
  void onlyTheOperatorChecks(String kind, String spec, String operatorField) {
    var outcome = CRDS.get(kind).create(resource(kind, spec.replace("{AGENT", "{" + AGENT)), "Strict");

    var violations = operatorValidation(kind, AdmissionFixture.admitted(outcome).toString());
    assertThat(violations).extracting(SpecViolation::field).containsExactly(operatorField);
  }

  private static String resource(String kind, String spec) {
    return """
        {"apiVersion":"progressive.dev/v1alpha1","kind":"%s","metadata":{"name":"table","namespace":"n"},"spec":%s}"""
        .formatted(kind, spec);
  }

  private static List<SpecViolation> operatorValidation(String kind, String json) {
    return switch (kind) {
      case "ProgressiveAgent" -> SpecValidation.validate(CLIENT.unmarshal(json, ProgressiveAgent.class));
      case "ObservabilityStack" -> StackValidation.validate(CLIENT.unmarshal(json, ObservabilityStack.class));
      default -> PlaybookValidation.validate(CLIENT.unmarshal(json, RemediationPlaybook.class));
    };
  }
}
