package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;

/** A kubeconfig with one cluster, user and context, all under one name. */
final class Kubeconfig {

  private Kubeconfig() {
  }

  static String yaml(String name, URI server) {
    return new KubernetesSerialization().asYaml(new ConfigBuilder()
        .withApiVersion("v1")
        .withKind("Config")
        .addNewCluster().withName(name).withNewCluster().withServer(server.toString()).endCluster().endCluster()
        // The dev cluster accepts any credentials; kubectl wants some.
        .addNewUser().withName(name).withNewUser().withToken("dev").endUser().endUser()
        .addNewContext().withName(name)
        .withNewContext().withCluster(name).withUser(name).withNamespace("default").endContext()
        .endContext()
        .withCurrentContext(name)
        .build());
  }
}
