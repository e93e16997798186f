package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The CRUD mock's dispatcher plus what kubectl needs from a real API server: discovery documents (the mock
 * answers them empty), and a status subresource for built-in kinds such as Deployments (the mock only knows
 * it for custom resources, so a spec update would otherwise overwrite the status). It also records writes.
 */
final class DevDispatcher extends KubernetesCrudDispatcher {

  private static final String CRDS_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final Set<HttpMethod> WRITES =
      EnumSet.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  /**
   * The embedded API has no authorizer: every caller may do everything, and says so to a client that
   * asks (java-operator-sdk asks before leader election).
   */
  private static final String RULES_REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
  private static final SelfSubjectRulesReview ALLOW_EVERYTHING = new SelfSubjectRulesReviewBuilder()
      .withNewMetadata().endMetadata()
      .withNewStatus().withIncomplete(false)
        .addNewResourceRule().withApiGroups("*").withResources("*").withVerbs("*").endResourceRule()
      .endStatus()
      .build();

  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final KubernetesAttributesExtractor paths = new KubernetesAttributesExtractor();
  private final Discovery discovery = new Discovery(this::storedCrds);
  private final WriteLog writes = new WriteLog();

  WriteLog writes() {
    return writes;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (WRITES.contains(request.method())) {
      writes.record(request.getMethod(), request.getPath());
    }
    String path = withoutQuery(request.getPath());
    if (request.method() == HttpMethod.POST && RULES_REVIEWS.equals(path)) {
      return json(ALLOW_EVERYTHING);
    }
    if (request.method() == HttpMethod.GET && Discovery.isDiscoveryPath(path)) {
      return discovery.document(path).map(this::json).orElseGet(() -> notFound(path));
    }
    try {
      return super.dispatch(request);
    } catch (RuntimeException e) {
      // Unanswered, the mock's own handler would leave the client waiting forever.
      return status(500, "InternalError", "the dev cluster cannot handle " + request.getMethod() + " "
          + request.getPath() + ": " + e.getMessage());
    }
  }

  @Override
  public boolean isStatusSubresourceEnabledForResource(String path) {
    Map<String, String> parts = paths.fromKubernetesPath(path);
    String group = Objects.requireNonNullElse(parts.get(KubernetesAttributesExtractor.API), "");
    boolean builtInWithStatus = BuiltInResource.ALL.stream().anyMatch(r -> r.hasStatus()
        && r.group().equals(group)
        && r.version().equals(parts.get(KubernetesAttributesExtractor.VERSION))
        && r.plural().equals(parts.get(KubernetesAttributesExtractor.PLURAL)));
    return builtInWithStatus || super.isStatusSubresourceEnabledForResource(path);
  }

  private List<CustomResourceDefinition> storedCrds() {
    String body = new String(handleGet(CRDS_PATH).getBody().getBytes(), StandardCharsets.UTF_8);
    return serialization.unmarshal(body, CustomResourceDefinitionList.class).getItems();
  }

  private MockResponse json(Object document) {
    return new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(serialization.asJson(document));
  }

  private MockResponse notFound(String path) {
    return status(404, "NotFound", "the server could not find the requested resource: " + path);
  }

  private MockResponse status(int code, String reason, String message) {
    return json(new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message)
        .build()).setResponseCode(code);
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
