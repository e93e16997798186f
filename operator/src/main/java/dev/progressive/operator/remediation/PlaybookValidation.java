package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Guardrails;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.api.Step;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.common.Durations;
import dev.progressive.operator.common.SpecViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a playbook the way its CRD schema would, for clusters where the schema is missing or older:
 * a playbook with any violation matches no alert, and says so in its Ready condition.
 */
public final class PlaybookValidation {
  private PlaybookValidation() {}

  public static List<SpecViolation> validate(RemediationPlaybook playbook) {
    if (!playbook.unreadableSpec().isEmpty()) {
      return playbook.unreadableSpec();
    }
    var violations = new ArrayList<SpecViolation>();
    var spec = playbook.getSpec();
    if (spec == null) {
      violations.add(new SpecViolation("spec", "is missing; set spec.trigger and spec.steps"));
      return violations;
    }
    if (spec.getTrigger() == null) {
      violations.add(new SpecViolation("spec.trigger", "is required; name the alerts, e.g. {alertNames: [MCAAgentDown]}"));
    }
    if (spec.getSteps() == null || spec.getSteps().isEmpty()) {
      violations.add(new SpecViolation("spec.steps", "needs at least one step"));
    } else {
      for (int i = 0; i < spec.getSteps().size(); i++) {
        checkStep(spec.getSteps().get(i), "spec.steps[" + i + "]", violations);
      }
    }
    if (spec.getGuardrails() != null) {
      checkGuardrails(spec.getGuardrails(), violations);
    }
    return violations;
  }

  private static void checkStep(Step step, String at, List<SpecViolation> violations) {
    if (step.getAction() == null) {
      violations.add(new SpecViolation(at + ".action", "is required; use one of " + actions()));
      return;
    }
    if (step.getAction() == StepAction.SCALE && (step.getReplicas() == null || step.getReplicas() < 1 || step.getReplicas() > 100)) {
      violations.add(new SpecViolation(at + ".replicas", "a scale step needs replicas between 1 and 100, got " + step.getReplicas()));
    }
    checkDuration(step.getAfter(), at + ".after", violations);
    checkDuration(step.getTimeout(), at + ".timeout", violations);
    if (step.getSink() != null && step.getSink().getSecretName() == null) {
      violations.add(new SpecViolation(at + ".sink.secretName", "is required; name the Secret that holds the URL"));
    }
  }

  private static void checkGuardrails(Guardrails guardrails, List<SpecViolation> violations) {
    checkDuration(guardrails.getCooldown(), "spec.guardrails.cooldown", violations);
    checkDuration(guardrails.getRevertAfter(), "spec.guardrails.revertAfter", violations);
    checkDuration(guardrails.getStormWindow(), "spec.guardrails.stormWindow", violations);
    checkDuration(guardrails.getApprovalTimeout(), "spec.guardrails.approvalTimeout", violations);
    var runs = guardrails.getMaxRunsPerHour();
    if (runs != null && (runs < 1 || runs > 60)) {
      violations.add(new SpecViolation("spec.guardrails.maxRunsPerHour", "must be between 1 and 60, got " + runs));
    }
    checkAtLeastOne(guardrails.getMaxTargets(), "spec.guardrails.maxTargets", violations);
    checkAtLeastOne(guardrails.getStormThreshold(), "spec.guardrails.stormThreshold", violations);
  }

  private static void checkAtLeastOne(Integer value, String field, List<SpecViolation> violations) {
    if (value != null && value < 1) {
      violations.add(new SpecViolation(field, "must be at least 1, got " + value));
    }
  }

  private static void checkDuration(String text, String field, List<SpecViolation> violations) {
    Durations.violation(text, field).ifPresent(violations::add);
  }

  private static String actions() {
    return Arrays.stream(StepAction.values()).map(StepAction::word).collect(Collectors.joining(", "));
  }
}
