package dev.progressive.operator.api;

/** Where an Incident stands. Resolved, Escalated and Suppressed are final for the playbook run. */
public enum IncidentPhase {
  Detected, Mitigating, Verifying, Resolved, Escalated, Suppressed;

  public boolean isFinal() {
    return this == Resolved || this == Escalated || this == Suppressed;
  }
}
