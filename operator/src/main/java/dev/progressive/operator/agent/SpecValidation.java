package dev.progressive.operator.agent;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.api.Scaling;
import dev.progressive.operator.api.Upstream;
import dev.progressive.operator.common.SpecViolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a spec the way the CRD schema would, and what the schema cannot express. It also guards
 * clusters where the CRD was installed without its schema, or objects that predate a stricter one.
 */
public final class SpecValidation {
  private static final Pattern IMAGE = Pattern.compile(ProgressiveAgentSpec.IMAGE_PATTERN);
  private static final Pattern UPSTREAM_NAME = Pattern.compile(Upstream.NAME_PATTERN);
  private static final Pattern URL = Pattern.compile(Upstream.URL_PATTERN);
  private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.-]*$");

  private SpecValidation() {}

  /** What the model could not read, else what the spec breaks. */
  public static List<SpecViolation> validate(ProgressiveAgent agent) {
    if (!agent.unreadableSpec().isEmpty()) {
      return agent.unreadableSpec();
    }
    var violations = validate(agent.getSpec());
    violations.addAll(AgentNames.check(agent.getMetadata().getName()));
    return violations;
  }

  public static List<SpecViolation> validate(ProgressiveAgentSpec spec) {
    var violations = new ArrayList<SpecViolation>();
    if (spec == null) {
      violations.add(new SpecViolation("spec", "is missing; set spec.agentType and spec.image at least"));
      return violations;
    }
    if (spec.getAgentType() == null) {
      violations.add(new SpecViolation("spec.agentType", "is required; use one of mca, npa, wpa, bma, rpa, custom"));
    }
    checkImage(spec.getImage(), violations);
    checkReplicas(spec, violations);
    checkPort(spec.getPort(), violations);
    checkUpstreams(spec.getUpstreams(), violations);
    checkEnv(spec, violations);
    checkBreakerAndTracing(spec, violations);
    MonitoringValidation.check(spec.getMonitoring(), violations);
    DeliveryValidation.check(spec, violations);
    return violations;
  }

  private static void checkImage(String image, List<SpecViolation> violations) {
    if (image == null || image.isBlank()) {
      violations.add(new SpecViolation("spec.image", "is required; name the agent runtime image, e.g. registry/agent-runtime:0.1.0"));
    } else if (!IMAGE.matcher(image).matches()) {
      violations.add(new SpecViolation("spec.image", "'" + image + "' is not an image reference; use registry/name[:tag][@sha256:digest] in lower case"));
    }
  }

  private static void checkReplicas(ProgressiveAgentSpec spec, List<SpecViolation> violations) {
    var replicas = spec.getReplicas();
    if (replicas == null || replicas < 0 || replicas > 100) {
      violations.add(new SpecViolation("spec.replicas", "must be between 0 and 100, got " + replicas));
      return;
    }
    var scaling = Optional.ofNullable(spec.getScaling()).orElseGet(Scaling::new);
    int min = Optional.ofNullable(scaling.getMinReplicas()).orElse(Scaling.DEFAULT_MIN);
    int max = Optional.ofNullable(scaling.getMaxReplicas()).orElse(Scaling.DEFAULT_MAX);
    if (min > max) {
      violations.add(new SpecViolation("spec.scaling.minReplicas",
          min + " exceeds spec.scaling.maxReplicas (" + max + "); lower minReplicas or raise maxReplicas"));
    } else if (replicas > max) {
      violations.add(new SpecViolation("spec.replicas",
          replicas + " is above spec.scaling.maxReplicas (" + max + "); lower replicas or raise maxReplicas"));
    } else if (replicas < min) {
      violations.add(new SpecViolation("spec.replicas",
          replicas + " is below spec.scaling.minReplicas (" + min + "); raise replicas or lower minReplicas"));
    }
  }

  private static void checkPort(Integer port, List<SpecViolation> violations) {
    if (port == null || port < 1024 || port > 65535) {
      violations.add(new SpecViolation("spec.port",
          "must be between 1024 and 65535 (lower ports need privileges the restricted profile forbids), got " + port));
    }
  }

  private static void checkUpstreams(List<Upstream> upstreams, List<SpecViolation> violations) {
    var names = new HashSet<String>();
    for (int i = 0; i < upstreams.size(); i++) {
      var upstream = upstreams.get(i);
      var at = "spec.upstreams[" + i + "]";
      if (upstream.getName() == null || !UPSTREAM_NAME.matcher(upstream.getName()).matches()) {
        violations.add(new SpecViolation(at + ".name", "must be a lower-case DNS label such as npa, got " + upstream.getName()));
      } else if (!names.add(upstream.getName())) {
        violations.add(new SpecViolation(at + ".name", "'" + upstream.getName() + "' is listed twice; give each upstream its own name"));
      }
      if (upstream.getUrl() == null || !URL.matcher(upstream.getUrl()).matches()) {
        violations.add(new SpecViolation(at + ".url", "must be an http(s) URL such as http://npa:8080, got " + upstream.getUrl()));
      }
    }
  }

  private static void checkEnv(ProgressiveAgentSpec spec, List<SpecViolation> violations) {
    for (int i = 0; i < spec.getEnv().size(); i++) {
      var name = spec.getEnv().get(i).getName();
      var at = "spec.env[" + i + "].name";
      if (name == null || !ENV_NAME.matcher(name).matches()) {
        violations.add(new SpecViolation(at, "'" + name + "' is not a valid environment variable name"));
      } else if (AgentEnvironment.RESERVED.contains(name)) {
        violations.add(new SpecViolation(at, name + " is set by the operator; use the matching spec field instead"));
      }
    }
  }

  private static void checkBreakerAndTracing(ProgressiveAgentSpec spec, List<SpecViolation> violations) {
    var breaker = spec.getCircuitBreaker();
    if (breaker != null && (breaker.getThreshold() == null || breaker.getThreshold() < 1 || breaker.getThreshold() > 1000)) {
      violations.add(new SpecViolation("spec.circuitBreaker.threshold", "must be between 1 and 1000, got " + breaker.getThreshold()));
    }
    var tracing = spec.getTracing();
    if (tracing != null && tracing.getSamplingRatio() != null
        && (tracing.getSamplingRatio() < 0 || tracing.getSamplingRatio() > 1)) {
      violations.add(new SpecViolation("spec.tracing.samplingRatio", "must be between 0 and 1, got " + tracing.getSamplingRatio()));
    }
    if (tracing != null && tracing.getEndpoint() != null && !URL.matcher(tracing.getEndpoint()).matches()) {
      violations.add(new SpecViolation("spec.tracing.endpoint", "must be an http(s) URL such as http://jaeger-collector:4317"));
    }
  }
}
