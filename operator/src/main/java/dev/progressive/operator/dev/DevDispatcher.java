package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The CRUD mock's dispatcher plus what kubectl and tests need from a real API server: discovery and
 * OpenAPI documents (the mock answers them empty); writes admitted as a real API server admits them
 * ({@link AdmittedWrites}); lists filtered by any field selector and sorted ({@link ListQuery}); and a
 * status subresource for built-in kinds such as Deployments (the mock only knows it for custom resources,
 * so a spec update would otherwise overwrite the status). It also records writes.
 */
final class DevDispatcher extends KubernetesCrudDispatcher {

  private static final String CRDS_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final Set<HttpMethod> WRITES =
      EnumSet.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
  private static final Set<HttpMethod> EDITS = EnumSet.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
  private static final ObjectMapper JSON = new ObjectMapper();

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
  private final StoredCrds crds = new StoredCrds(() -> body(handleGet(CRDS_PATH)));
  private final Discovery discovery = new Discovery(crds::all);
  private final OpenApiDocument openApi = new OpenApiDocument(crds::all);
  private final MockStore store = new MockStore();
  private final AdmittedWrites admittedWrites = new AdmittedWrites(store, crds);
  private final ScaleSubresource scale = new ScaleSubresource(store);
  private final WriteLog writes = new WriteLog();
  private final StoreIndex index = new StoreIndex();
  private final StoreWatches watches = new StoreWatches();
  /**
   * The index's lookups beside the store's writes: a write removes the old entry before it adds the new, and a
   * read between the two would answer 404 for an object that exists. (The mock's own lock is private.)
   */
  private final ReadWriteLock indexed = new ReentrantReadWriteLock();

  WriteLog writes() {
    return writes;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    MockResponse answer = answer(request);
    // The mock sets no content type; a Go client then decodes JSON as the protobuf it asked for, and fails.
    if (answer.getWebSocketListener() == null && answer.header("Content-Type") == null) {
      answer.setHeader("Content-Type", "application/json");
    }
    return answer;
  }

  private MockResponse answer(RecordedRequest request) {
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
    if (request.method() == HttpMethod.GET && OpenApiDocument.isOpenApiPath(path)) {
      return openApi.document(path).map(this::json).orElseGet(() -> notFound(path));
    }
    try {
      var apiPath = ApiPath.parse(request.getPath());
      if (apiPath.isPresent() && EDITS.contains(request.method())) {
        return admittedWrites.handle(request, apiPath.get());
      }
      if (apiPath.isPresent() && request.method() == HttpMethod.GET && ScaleSubresource.isScale(apiPath.get())) {
        return scale.get(apiPath.get());
      }
      if (apiPath.isPresent() && request.method() == HttpMethod.GET && apiPath.get().isCollection() && !apiPath.get().isWatch()) {
        return ListQuery.answer(request.getPath(), kind(apiPath.get()), super::handleGet);
      }
      MockResponse answer = super.dispatch(request);
      if (request.method() == HttpMethod.DELETE && path.startsWith(CRDS_PATH)) {
        crds.changed();
      }
      return answer;
    } catch (RuntimeException e) {
      // Unanswered, the mock's own handler would leave the client waiting forever.
      return ApiStatus.internalError("the dev cluster cannot handle " + request.getMethod() + " "
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

  /** Finds a named object through the index instead of the mock's scan of every stored object. */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    indexed.readLock().lock();
    try {
      return switch (index.find(attributes)) {
        case StoreIndex.Lookup.Found found -> Optional.ofNullable(map.get(found.key()))
            .map(body -> Map.entry(found.key(), body)).orElse(null);
        case StoreIndex.Lookup.Absent absent -> null;
        case StoreIndex.Lookup.Unaddressed unaddressed -> super.findResource(attributes);
      };
    } finally {
      indexed.readLock().unlock();
    }
  }

  @Override
  public MockResponse handleGet(String path) {
    AttributeSet query = attributeExtractor.fromPath(path);
    if (ApiPath.parse(path).map(ApiPath::isWatch).orElse(true)
        || index.find(query) instanceof StoreIndex.Lookup.Unaddressed) {
      return super.handleGet(path);
    }
    return Optional.ofNullable(findResource(query))
        .map(found -> new MockResponse().setResponseCode(200).setBody(found.getValue()))
        .orElseGet(() -> new MockResponse().setResponseCode(404));
  }

  /** Every write of the store passes here, so the index and the front's watches follow it. */
  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    indexed.writeLock().lock();
    try {
      write(path, pathAttributes, oldAttributes, resource, newState);
    } finally {
      indexed.writeLock().unlock();
    }
  }

  private void write(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    watches.write(() -> {
      String oldState = oldAttributes == null ? null : map.get(oldAttributes);
      super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
      if (oldAttributes != null) {
        index.removed(oldAttributes);
      }
      AttributeSet stored = newState == null ? null : storedKey(path, pathAttributes, resource, newState);
      if (stored != null) {
        index.stored(stored);
      }
      return new StoreWatches.Change(oldAttributes, oldState, stored, newState);
    });
  }

  /**
   * Opens a watch for the front: what the watch path selects by kind, namespace, labels and the fields the mock
   * knows (metadata.name and metadata.namespace), from the objects stored now on.
   */
  StoreWatches.Watcher watch(String path) {
    return watches.open(attributeExtractor.fromPath(path), map);
  }

  /** The key the mock stored the new state under, computed as it computes it. */
  private AttributeSet storedKey(String path, AttributeSet pathAttributes, GenericKubernetesResource resource,
      String newState) {
    var extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    AttributeSet stored = key.containsKey(KubernetesAttributesExtractor.PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
    if (!map.containsKey(stored)) {
      throw new IllegalStateException("the store index lost the object written at " + path);
    }
    return stored;
  }

  @Override
  public void reset() {
    super.reset();
    index.clear();
  }

  /** Ends the front's watches, as a stopping API server does. */
  void endWatches() {
    watches.endAll();
  }

  private Optional<String> kind(ApiPath path) {
    return BuiltInResource.ALL.stream()
        .filter(r -> r.group().equals(path.group()) && r.version().equals(path.version()) && r.plural().equals(path.plural()))
        .map(BuiltInResource::kind).findFirst()
        .or(() -> crds.find(path.group(), path.plural()).map(crd -> crd.getSpec().getNames().getKind()));
  }

  private MockResponse json(Object document) {
    return new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(document instanceof JsonNode node ? node.toString() : serialization.asJson(document));
  }

  private static MockResponse notFound(String path) {
    return ApiStatus.notFound("the server could not find the requested resource: " + path);
  }

  private static String body(MockResponse response) {
    return new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** The mock's store, reached past the admission in front of it. */
  private final class MockStore implements ClusterStore {
    @Override
    public Optional<JsonNode> object(String path) {
      MockResponse answer = handleGet(path);
      if (answer.code() != 200) {
        return Optional.empty();
      }
      try {
        return Optional.of(JSON.readTree(answer.getBody().getBytes()));
      } catch (IOException e) {
        throw new IllegalStateException("the mock stored an object that is not JSON at " + path, e);
      }
    }

    @Override
    public MockResponse create(String path, JsonNode object) {
      return handleCreate(request(HttpMethod.POST, path, object));
    }

    @Override
    public MockResponse replace(String path, JsonNode object) {
      return handleUpdate(request(HttpMethod.PUT, path, object));
    }

    private static RecordedRequest request(HttpMethod method, String path, JsonNode object) {
      return new RecordedRequest("HTTP/1.1", method, path, Headers.builder().add("Content-Type", "application/json").build(),
          new Buffer(object.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }
}
