package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import java.util.LinkedHashMap;

/** Exceptions as reconciles meet them, each with the stack trace it was created with. */
public final class FailureSamples {
  private FailureSamples() {}

  /** The API server's answer to creating an object whose name is taken. */
  public static KubernetesClientException alreadyExists(String resource, String name) {
    return new KubernetesClientException(new StatusBuilder().withCode(409).withReason("AlreadyExists")
        .withMessage(resource + " \"" + name + "\" already exists").build());
  }

  /**
   * What java-operator-sdk hands updateErrorStatus when dependents fail: a wrapper around the workflow's
   * error, whose message holds every failed dependent's stack trace.
   */
  public static OperatorException workflowFailure() {
    var failed = new LinkedHashMap<String, Exception>();
    failed.put("dashboards-configmap", alreadyExists("configmaps", "observability-dashboards"));
    failed.put("loki-datasource", new NullPointerException("Cannot invoke \"Logging.getLokiUrl()\" because \"logging\" is null"));
    return new OperatorException(new AggregatedOperatorException("Exception(s) during workflow execution.", failed));
  }
}
