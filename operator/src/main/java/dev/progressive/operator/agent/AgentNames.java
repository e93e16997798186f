package dev.progressive.operator.agent;

import dev.progressive.operator.common.SpecViolation;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether an agent's name makes valid child names. The Service is named after the agent (a DNS-1035
 * label), the name is the `app.kubernetes.io/instance` label of every child and pod, and each child
 * is kept within the 63 characters of a label value, so that whatever selects or labels it by name fits.
 */
final class AgentNames {
  static final int LIMIT = 63;
  /** The longest name whose children all fit; the CRD's rule on metadata.name repeats it (see ProgressiveAgent). */
  static final int MAX_LENGTH = LIMIT - CircuitBreakerConfig.SUFFIX.length();
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");

  private AgentNames() {}

  /** The names of the children, from the agent's name alone; a test keeps it in step with AgentChildren. */
  static List<String> children(String agent) {
    return Stream.of("", AgentDeployment.CANARY_SUFFIX, CircuitBreakerConfig.SUFFIX, AgentDashboard.SUFFIX).map(suffix -> agent + suffix).toList();
  }

  static List<SpecViolation> check(String name) {
    if (name == null || !DNS_LABEL.matcher(name).matches()) {
      return List.of(new SpecViolation("metadata.name", "'" + name + "' must be a DNS label (lower-case letters, digits"
          + " and '-', starting with a letter), since the agent's Service is named after it"));
    }
    if (name.endsWith(AgentDeployment.CANARY_SUFFIX)) {
      return List.of(new SpecViolation("metadata.name", "'" + name + "' ends in " + AgentDeployment.CANARY_SUFFIX
          + ", which names the canary Deployment of agent " + name.substring(0, name.length() - AgentDeployment.CANARY_SUFFIX.length())
          + " during its rollouts; choose a name that does not end in " + AgentDeployment.CANARY_SUFFIX));
    }
    var longest = children(name).stream().max(Comparator.comparingInt(String::length)).orElseThrow();
    if (longest.length() <= LIMIT) {
      return List.of();
    }
    return List.of(new SpecViolation("metadata.name", "'" + name + "' has " + name.length() + " characters; at most "
        + MAX_LENGTH + " fit, since child " + longest + " would have " + longest.length()
        + " and names and label values are limited to " + LIMIT + "; choose a shorter name"));
  }
}
