package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write refused because the reconcile that decided it outlived its controller. On stop,
 * java-operator-sdk stops a controller's informers, and empties their caches, before the reconciles in
 * flight end; such a reconcile finds no playbook, no agent and no Incident, and what it would write (an
 * Incident held back for want of a playbook, a Deployment without its mitigations, a status of missing
 * children) would be wrong. The controller's own informer stops before the others, so a reconcile that
 * finds it running when it writes has read live caches only. The resource keeps its last state for the
 * operator that runs next to reconcile.
 */
public final class ControllerStopped extends OperatorException {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerStopped.class);

  private ControllerStopped(HasMetadata resource) {
    super("the operator is stopping: nothing decided from its emptied caches is written for "
        + resource.getKind() + " " + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName()
        + "; the operator that runs next reconciles it");
  }

  /** Call just before a write decided from the controller's caches. */
  public static void refuseIfStopped(HasMetadata resource, Context<?> context) {
    if (!context.eventSourceRetriever().getControllerEventSource().isRunning()) {
      var refused = new ControllerStopped(resource);
      // Logged here: java-operator-sdk no longer reports the failures of a stopped controller's reconciles.
      LOG.info(refused.getMessage());
      throw refused;
    }
  }
}
