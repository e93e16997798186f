package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the status a stand-in computed for a Deployment, onto the copy it computed it from. */
record DeploymentStatusReports(KubernetesClient client) {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentStatusReports.class);

  void write(Deployment deployment, DeploymentStatus status) {
    try {
      client.resource(new DeploymentBuilder(deployment).withStatus(status).build()).updateStatus();
    } catch (KubernetesClientException e) {
      // A conflict or a deletion means a newer copy is on its way; the stand-in works from that one instead.
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT && e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        LOG.warn("Cannot report Deployment {}/{} status", deployment.getMetadata().getNamespace(),
            deployment.getMetadata().getName(), e);
      }
    }
  }
}
