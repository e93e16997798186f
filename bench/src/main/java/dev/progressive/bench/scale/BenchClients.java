package dev.progressive.bench.scale;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

/** Clients of the embedded API configured like the dev cluster's own, so every process talks to it alike. */
final class BenchClients {
  private BenchClients() {}

  static KubernetesClient forUrl(String url) {
    return forUrl(url, new RequestCounter());
  }

  static KubernetesClient forUrl(String url, RequestCounter counter) {
    // Config.empty(): nothing from the user's kubeconfig may point the benchmark at a real cluster.
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace("default")
        .withHttp2Disable(true)
        .build();
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("bench-request-counter", counter))
        .build();
  }
}
