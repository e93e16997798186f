package dev.progressive.operator.api;

/**
 * Where an Incident stands. Resolved, Escalated and Suppressed are final for the playbook run;
 * AwaitingApproval holds a step until a person approves or rejects it.
 */
public enum IncidentPhase {
  Detected, Mitigating, AwaitingApproval, Verifying, Resolved, Escalated, Suppressed;

  public boolean isFinal() {
    return this == Resolved || this == Escalated || this == Suppressed;
  }
}
