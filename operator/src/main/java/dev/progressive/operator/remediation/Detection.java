package dev.progressive.operator.remediation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The Detected phase's decision: which agent, which playbook, and whether the guardrails let it run. */
final class Detection {
  static final String NO_PLAYBOOK = "NoPlaybook";
  static final String UNKNOWN_AGENT = "UnknownAgent";
  static final String NO_TARGET = "NoTarget";
  static final String RUNNING = "PlaybookRunning";

  private Detection() {}

  record Decision(String target, Optional<RemediationPlaybook> playbook, boolean suppressed, String reason, String message) {}

  static Decision decide(IncidentRun run, List<RemediationPlaybook> playbooks, Collection<Incident> incidents, boolean globalDryRun) {
    var resolution = TargetResolver.resolve(run.incident().getSpec().getLabels(), run.agents());
    var target = resolution.agent().map(a -> a.getMetadata().getName()).orElse(null);
    if (resolution.named() && resolution.agent().isEmpty()) {
      return new Decision(null, Optional.empty(), true, UNKNOWN_AGENT, resolution.description());
    }
    var playbook = PlaybookMatcher.match(run.incident(), playbooks);
    if (playbook.isEmpty()) {
      return new Decision(target, playbook, true, NO_PLAYBOOK,
          "no RemediationPlaybook matches alert " + run.incident().getSpec().getAlertName());
    }
    if (target == null && needsTarget(playbook.get())) {
      return new Decision(null, playbook, true, NO_TARGET,
          resolution.description() + ", and playbook " + PlaybookMatcher.key(playbook.get()) + " acts on the alert's agent");
    }
    var suppression = GuardrailCheck.check(run.incident(), playbook.get(), target, incidents, run.now(), globalDryRun);
    return suppression
        .map(s -> new Decision(target, playbook, true, s.reason(), s.message()))
        .orElseGet(() -> new Decision(target, playbook, false, RUNNING,
            "running playbook " + PlaybookMatcher.key(playbook.get())
                + (target == null ? "" : " on " + target + " (" + resolution.description() + ")")));
  }

  /** A step without agentTypes acts on the alert's own agent, so the alert must name one. */
  private static boolean needsTarget(RemediationPlaybook playbook) {
    return playbook.getSpec().getSteps().stream().anyMatch(step -> step.getAgentTypes().isEmpty()
        && step.getAction() != StepAction.NOTIFY && step.getAction() != StepAction.ESCALATE
        && step.getAction() != StepAction.DIAGNOSTICS);
  }
}
