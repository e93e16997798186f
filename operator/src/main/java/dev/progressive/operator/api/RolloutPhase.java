package dev.progressive.operator.api;

/**
 * Where the rollout of a pod template stands. Progressing runs a step; Paused holds one (its checks say
 * why: InsufficientData or MetricNotFound); Frozen holds a new rollout while the error budget is spent.
 * Promoted and RolledBack are final for that template.
 */
public enum RolloutPhase {
  Progressing, Paused, Promoted, RolledBack, Frozen
}
