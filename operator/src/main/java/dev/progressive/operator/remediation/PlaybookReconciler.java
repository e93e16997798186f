package dev.progressive.operator.remediation;

import dev.progressive.operator.api.PlaybookStatus;
import dev.progressive.operator.api.RemediationPlaybook;
import dev.progressive.operator.common.Conditions;
import dev.progressive.operator.common.SpecViolation;
import dev.progressive.operator.common.StatusWriter;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tells, in each playbook's Ready condition, whether the operator can run it and, if not, what to fix. */
@ControllerConfiguration(name = PlaybookReconciler.NAME)
public class PlaybookReconciler implements Reconciler<RemediationPlaybook> {
  public static final String NAME = "remediationplaybook";
  static final String VALID = "Valid";

  private final Conditions conditions;

  public PlaybookReconciler(Clock clock) {
    this.conditions = new Conditions(clock);
  }

  @Override
  public UpdateControl<RemediationPlaybook> reconcile(RemediationPlaybook playbook, Context<RemediationPlaybook> context) {
    var violations = PlaybookValidation.validate(playbook);
    var ready = violations.isEmpty()
        ? Conditions.of(Conditions.READY, true, VALID, "the playbook runs on the alerts its trigger matches")
        : Conditions.of(Conditions.READY, false, Conditions.INVALID_SPEC, "matches no alert until fixed: "
            + violations.stream().map(SpecViolation::toString).collect(Collectors.joining("; ")));
    var previous = Optional.ofNullable(playbook.getStatus()).map(PlaybookStatus::conditions).orElse(List.of());
    var next = new PlaybookStatus(conditions.merge(previous, List.of(ready), playbook), playbook.getMetadata().getGeneration());
    if (!next.equals(playbook.getStatus())) {
      playbook.setStatus(next);
      StatusWriter.write(playbook, context);
    }
    return UpdateControl.noUpdate();
  }
}
