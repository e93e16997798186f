package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;
import java.util.Optional;

/** The Deployment controller's word that a rollout stopped progressing: its condition {@code Progressing=False}. */
public final class StalledDeployment {
  private StalledDeployment() {}

  public static Optional<DeploymentCondition> condition(Deployment deployment) {
    return Optional.ofNullable(deployment.getStatus()).map(DeploymentStatus::getConditions).orElse(List.of()).stream()
        .filter(c -> "Progressing".equals(c.getType()) && "False".equals(c.getStatus()))
        .findFirst();
  }
}
