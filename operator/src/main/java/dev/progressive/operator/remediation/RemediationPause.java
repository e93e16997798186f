package dev.progressive.operator.remediation;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Remediation;
import io.fabric8.kubernetes.api.model.Namespace;
import java.time.Duration;
import java.util.Optional;

/**
 * The kill switch: while the operator runs with {@code --remediation-paused}, the Namespace carries the
 * label {@code progressive.dev/remediation=paused}, or the namespace's ObservabilityStack says
 * {@code spec.remediation.paused: true}, an Incident holds before its next step.
 * Its phase stays and its reason says {@link #PAUSED}; removing the switch resumes it where it stood.
 */
final class RemediationPause {
  static final String PAUSED = "Paused";
  static final String RESUMED = "Resumed";
  static final String NAMESPACE_LABEL = ProgressiveAgent.GROUP + "/remediation";
  static final String NAMESPACE_PAUSED = NAMESPACE_LABEL + "=paused";
  /** A stack's change wakes its namespace's Incidents; this look is for a wake-up that got lost. */
  private static final Duration LOOK_AGAIN = Duration.ofSeconds(30);

  private RemediationPause() {}

  /**
   * Why remediation is paused for the namespace {@code stack} governs, if it is; {@code pausedNamespace}:
   * the Namespace if it carries the paused label.
   */
  static Optional<String> why(RemediationSettings settings, Optional<Namespace> pausedNamespace,
      Optional<ObservabilityStack> stack) {
    if (settings.paused()) {
      return Optional.of("the operator runs with --remediation-paused");
    }
    if (pausedNamespace.isPresent()) {
      return Optional.of("Namespace " + pausedNamespace.get().getMetadata().getName() + " has label " + NAMESPACE_PAUSED);
    }
    return stack.filter(s -> Optional.ofNullable(s.getSpec().getRemediation()).map(Remediation::getPaused).orElse(false))
        .map(s -> "ObservabilityStack " + s.getMetadata().getName() + " has spec.remediation.paused: true");
  }

  /** Holds the run; the status changes only when it was not paused for this reason already. */
  static Transition hold(IncidentRun run, String why) {
    var status = run.status();
    var message = "remediation paused before step " + status.getSteps().size() + ": " + why + "; remove it to resume";
    if (PAUSED.equals(status.getReason()) && message.equals(status.getMessage())) {
      return Transition.lookAgainIn(LOOK_AGAIN, false);
    }
    status.setReason(PAUSED);
    status.setMessage(message);
    run.announce("paused-" + status.getSteps().size(), true, PAUSED, message);
    return Transition.lookAgainIn(LOOK_AGAIN, true);
  }

  /** Says the run goes on, once, when it was held; answers whether it was. */
  static boolean resume(IncidentRun run) {
    var status = run.status();
    if (!PAUSED.equals(status.getReason())) {
      return false;
    }
    status.setReason(RESUMED);
    status.setMessage("remediation resumed at step " + status.getSteps().size() + " of playbook " + status.getPlaybook());
    return true;
  }
}
