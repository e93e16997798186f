package dev.progressive.operator.packaging;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client that remembers every resource request it sends (watches included) as the permission it needs,
 * and sends the rules reviews the embedded API cannot answer to an {@link AuthorizerStandIn}.
 */
final class RecordingClient implements Interceptor {
  private final List<ApiRequest> requests = new CopyOnWriteArrayList<>();
  private final AuthorizerStandIn authorizer;

  RecordingClient(AuthorizerStandIn authorizer) {
    this.authorizer = authorizer;
  }

  /** A new client to the API {@code like} talks to, recording into this. */
  KubernetesClient connect(KubernetesClient like) {
    return new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(like.getConfiguration()).build())
        .withHttpClientFactory(new JdkHttpClientFactory())
        .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("permissions", this))
        .build();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    ApiRequest.of(request.method(), request.uri()).ifPresent(requests::add);
    if (AuthorizerStandIn.answers(request.uri())) {
      builder.uri(authorizer.uri(request.uri()));
    }
  }

  List<ApiRequest> requests() {
    return List.copyOf(requests);
  }
}
