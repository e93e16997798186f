package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery, write counting and watches through the front, seen by fabric8 and plain HTTP clients. */
class DevClusterTest {

  @TempDir
  static Path workDir;

  static DevCluster cluster;

  @BeforeAll
  static void start() {
    cluster = DevCluster.start();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void discoveryListsACrdCreatedThroughTheClientUntilItIsDeleted() throws Exception {
    CustomResourceDefinition crd = cluster.client().apiextensions().v1().customResourceDefinitions()
        .load(DevClusterKubectlTest.resource("widget-crd.yaml")).create();

    assertThat(cluster.client().getApiGroups().getGroups()).extracting(APIGroup::getName)
        .contains("apps", "apiextensions.k8s.io", "coordination.k8s.io", "events.k8s.io", "example.dev");
    List<APIResource> resources = cluster.client().getApiResources("example.dev/v1").getResources();
    assertThat(resources).extracting(APIResource::getName).containsExactly("widgets", "widgets/status");
    APIResource widgets = resources.get(0);
    assertThat(widgets.getKind()).isEqualTo("Widget");
    assertThat(widgets.getSingularName()).isEqualTo("widget");
    assertThat(widgets.getShortNames()).containsExactly("wd");
    assertThat(widgets.getCategories()).containsExactly("examples");
    assertThat(widgets.getNamespaced()).isTrue();
    assertThat(widgets.getVerbs()).contains("get", "list", "watch", "create", "update", "patch", "delete");

    cluster.client().resource(crd).delete();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(cluster.client().getApiGroups().getGroups()).extracting(APIGroup::getName)
            .doesNotContain("example.dev"));
    assertThat(httpGet("/apis/example.dev/v1").statusCode()).isEqualTo(404);
  }

  @Test
  void builtInKindsAreDiscoverable() {
    assertThat(cluster.client().getApiResources("apps/v1").getResources()).extracting(APIResource::getName)
        .contains("deployments", "deployments/status", "deployments/scale");
    assertThat(cluster.client().getApiResources("v1").getResources()).extracting(APIResource::getName)
        .contains("namespaces", "configmaps", "secrets", "services", "pods", "events");
  }

  /** Named reads and creates go through the store's index; each kind of write must keep it true. */
  @Test
  void aNamedObjectIsFoundAfterEveryKindOfWriteAndGoneAfterItsDelete() {
    var client = cluster.client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("indexed").endMetadata().build()).create();
    client.resource(configMap("same-name", "team", "a")).create();
    client.resource(new ConfigMapBuilder(configMap("same-name", "team", "b")).editMetadata().withNamespace("indexed")
        .endMetadata().build()).create();
    assertThat(client.configMaps().withName("same-name").get().getMetadata().getLabels()).containsEntry("team", "a");
    assertThat(client.configMaps().inNamespace("indexed").withName("same-name").get().getMetadata().getLabels())
        .containsEntry("team", "b");
    assertThatThrownBy(() -> client.resource(configMap("same-name", "team", "c")).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));

    client.configMaps().withName("same-name").edit(cm -> new ConfigMapBuilder(cm).editMetadata()
        .addToLabels("team", "relabelled").endMetadata().build());
    client.configMaps().withName("same-name").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"k\":\"v\"}}");
    var edited = client.configMaps().withName("same-name").get();
    assertThat(edited.getMetadata().getLabels()).containsEntry("team", "relabelled");
    assertThat(edited.getData()).containsEntry("k", "v");
    assertThat(client.configMaps().withLabel("team", "relabelled").list().getItems()).hasSize(1);

    var generated = client.resource(new ConfigMapBuilder().withNewMetadata().withGenerateName("gen-").endMetadata().build())
        .create().getMetadata().getName();
    assertThat(client.configMaps().withName(generated).get()).isNotNull();

    client.configMaps().withName("same-name").delete();
    assertThat(client.configMaps().withName("same-name").get()).isNull();
    assertThat(client.configMaps().inNamespace("indexed").withName("same-name").get()).isNotNull();
    assertThat(client.resource(configMap("same-name", "team", "again")).create().getMetadata().getLabels())
        .containsEntry("team", "again");
    assertThat(client.namespaces().withName("indexed").get()).isNotNull();
  }

  @Test
  void aDeleteByLabelSelectorDeletesOnlyTheObjectsItSelects() {
    var client = cluster.client();
    for (var holder : List.of("incident-a-1", "incident-b-2")) {
      client.resource(new LeaseBuilder().withNewMetadata().withName("claim-" + holder).withNamespace("default")
          .addToLabels("progressive.dev/claimed-by", holder).endMetadata().withNewSpec().withHolderIdentity(holder)
          .endSpec().build()).create();
    }

    client.leases().withLabel("progressive.dev/claimed-by", "incident-a-1").delete();

    assertThat(client.leases().list().getItems()).extracting(l -> l.getMetadata().getName())
        .contains("claim-incident-b-2").doesNotContain("claim-incident-a-1");
  }

  @Test
  void countsWritesButNotReads() {
    long before = cluster.writeCount();

    cluster.client().resource(configMap("counted", "team", "a")).create();
    cluster.client().configMaps().withName("counted").get();
    cluster.client().configMaps().list();
    cluster.client().configMaps().withName("counted").delete();

    assertThat(cluster.writeCount() - before).isEqualTo(2);
    assertThat(cluster.recentWrites()).contains(
        "POST /api/v1/namespaces/default/configmaps", "DELETE /api/v1/namespaces/default/configmaps/counted");
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequestInsteadOfNoAnswer() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(cluster.url().resolve("/api/v1/namespaces/default/configmaps"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{not json"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"reason\":\"BadRequest\"", "the request body is not JSON");
  }

  @Test
  void aClientFromTheKubeconfigWatchesThroughTheFrontWithALabelSelector() throws Exception {
    Path kubeconfig = cluster.writeKubeconfig(workDir.resolve("kubeconfig"));
    List<String> seen = new CopyOnWriteArrayList<>();
    try (KubernetesClient viaFront = new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
            .withHttpClientFactory(new JdkHttpClientFactory())
            .build();
        Watch watch = viaFront.configMaps().withLabel("team", "blue").watch(recorder(seen))) {
      cluster.client().resource(configMap("red-one", "team", "red")).create();
      cluster.client().resource(configMap("blue-one", "team", "blue")).create();

      await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("ADDED blue-one"));
      assertThat(seen).containsExactly("ADDED blue-one");
    }
  }

  @Test
  void streamsAWatchWithAFieldSelectorAsJsonLines() throws Exception {
    cluster.client().resource(configMap("picked", "team", "green")).create();
    cluster.client().resource(configMap("ignored", "team", "green")).create();

    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(cluster.url().resolve(
            "/api/v1/namespaces/default/configmaps?watch=1&fieldSelector=metadata.name%3Dpicked")).build(),
        HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(event(lines.readLine())).containsExactly("ADDED", "picked");
      cluster.client().configMaps().withName("picked").edit(c -> new ConfigMapBuilder(c).addToData("k", "v").build());
      assertThat(event(lines.readLine())).containsExactly("MODIFIED", "picked");
    }
  }

  /** The type and object name of one line of a watch stream. */
  private static List<String> event(String line) throws Exception {
    JsonNode event = new ObjectMapper().readTree(line);
    return List.of(event.path("type").asText(), event.path("object").path("metadata").path("name").asText());
  }

  private static Watcher<ConfigMap> recorder(List<String> seen) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        seen.add(action + " " + resource.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
        // The test closes the watch.
      }
    };
  }

  private static HttpResponse<String> httpGet(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(cluster.url().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static ConfigMap configMap(String name, String label, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace("default").addToLabels(label, value).endMetadata()
        .addToData("name", name)
        .build();
  }

  @Test
  void aSecretsStringDataIsStoredAsDataAsAnApiServerStoresIt() {
    var secrets = cluster.client().secrets().inNamespace("default");
    secrets.resource(new SecretBuilder().withNewMetadata().withName("string-data").endMetadata()
        .addToData("kept", b64("as it was")).addToData("url", b64("old")).addToStringData("url", "http://sink/").build()).create();
    var stored = secrets.withName("string-data").get();
    assertThat(stored.getStringData()).isNullOrEmpty();
    assertThat(stored.getData()).containsEntry("url", b64("http://sink/")).containsEntry("kept", b64("as it was"));
    secrets.withName("string-data").edit(secret -> {
      secret.setStringData(Map.of("token", "t"));
      return secret;
    });
    assertThat(secrets.withName("string-data").get().getData()).containsEntry("token", b64("t")).containsKey("url");
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anObjectBeingRewrittenIsNeverMissingToAReaderBesideTheWrites() throws Exception {
    var configMaps = cluster.client().configMaps().inNamespace("default");
    configMaps.resource(new ConfigMapBuilder().withNewMetadata().withName("rewritten").endMetadata().build()).create();
    var writing = new AtomicBoolean(true);
    var misses = new AtomicInteger();
    try (var pool = Executors.newFixedThreadPool(2)) {
      var reader = pool.submit(() -> {
        int reads = 0;
        while (writing.get() || reads < 100) {
          misses.addAndGet(configMaps.withName("rewritten").get() == null ? 1 : 0);
          reads++;
        }
        return reads;
      });
      // A label change stores the object under a new key: the write removes the old entry and adds the new one.
      for (int i = 0; i < 200; i++) {
        var label = Integer.toString(i);
        configMaps.withName("rewritten").edit(c -> new ConfigMapBuilder(c).editMetadata().addToLabels("turn", label).endMetadata().build());
      }
      writing.set(false);
      assertThat(reader.get()).isPositive();
    }
    assertThat(misses.get()).as("reads that found no object").isZero();
  }
}
