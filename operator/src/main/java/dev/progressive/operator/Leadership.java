package dev.progressive.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election through a Lease. A replica that loses the Lease while running exits, so that it
 * cannot reconcile beside the new leader and Kubernetes restarts it as a follower. A replica that
 * is stopping gives the Lease up without exiting: exiting from inside the JVM's shutdown would
 * block it until the pod is killed.
 */
public final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
  private static final AtomicBoolean STOPPING = new AtomicBoolean();

  private Leadership() {}

  /** Call before stopping the operator on purpose. */
  public static void stopping() {
    STOPPING.set(true);
  }

  static LeaderElectionConfiguration configuration(String leaseName, String leaseNamespace, String identity) {
    var callbacks = new LeaderCallbacks(
        () -> LOG.info("Took the lease {}: reconciling", leaseName),
        Leadership::lost,
        leader -> LOG.info("The lease {} is held by {}", leaseName, leader));
    return new LeaderElectionConfiguration(leaseName, leaseNamespace,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        identity, callbacks, false);
  }

  private static void lost() {
    if (STOPPING.get()) {
      LOG.info("Gave up the lease while stopping");
      return;
    }
    LOG.error("Lost the lease while running: exiting so that only the new leader reconciles");
    System.exit(1);
  }
}
