package dev.progressive.operator.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Strategic merge patches as kubectl apply and kubectl patch send them for Deployments and Services. */
class StrategicMergePatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEPLOYMENT = """
      {"kind":"Deployment","metadata":{"name":"greeter","labels":{"app":"greeter"},"finalizers":["a"]},
       "spec":{"replicas":2,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}},
        "template":{"spec":{
         "containers":[{"name":"app","image":"app:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                        "ports":[{"containerPort":8080,"name":"http"}],"volumeMounts":[{"name":"config","mountPath":"/config"}]},
                       {"name":"sidecar","image":"sidecar:1"}],
         "volumes":[{"name":"config","configMap":{"name":"greeting"}}]}}}}""";

  private static JsonNode patch(String kind, String target, String patch) throws Exception {
    return new StrategicMergePatch(PatchMergeKeys.forKind(kind)).apply(JSON.readTree(target), JSON.readTree(patch));
  }

  @Test
  void containersAndTheirEnvMergeByName() throws Exception {
    var patched = patch("Deployment", DEPLOYMENT, """
        {"spec":{"template":{"spec":{"containers":[{"name":"app","image":"app:2","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}}""");

    var containers = patched.path("spec").path("template").path("spec").path("containers");
    assertThat(containers).hasSize(2);
    assertThat(containers.get(0).path("image").asText()).isEqualTo("app:2");
    assertThat(containers.get(0).path("env").toString())
        .isEqualTo("[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"3\"},{\"name\":\"C\",\"value\":\"4\"}]");
    assertThat(containers.get(1).path("image").asText()).isEqualTo("sidecar:1");
  }

  @Test
  void kubectlApplyDeletesAndOrdersWithItsDirectives() throws Exception {
    var patched = patch("Deployment", DEPLOYMENT, """
        {"metadata":{"labels":{"app":null,"tier":"web"}},
         "spec":{"replicas":3,"template":{"spec":{
          "$setElementOrder/containers":[{"name":"sidecar"},{"name":"app"}],
          "containers":[{"name":"app","$setElementOrder/env":[{"name":"B"}],"env":[{"$patch":"delete","name":"A"}],
                         "ports":[{"containerPort":9090,"name":"metrics"}]}]}}}}""");

    assertThat(patched.path("metadata").path("labels").toString()).isEqualTo("{\"tier\":\"web\"}");
    assertThat(patched.path("spec").path("replicas").asInt()).isEqualTo(3);
    var containers = patched.path("spec").path("template").path("spec").path("containers");
    assertThat(containers.findValuesAsText("name")).startsWith("sidecar", "app");
    assertThat(containers.get(1).path("env").toString()).isEqualTo("[{\"name\":\"B\",\"value\":\"2\"}]");
    assertThat(containers.get(1).path("ports").findValuesAsText("name")).containsExactly("http", "metrics");
  }

  @Test
  void aListWithoutMergeKeyAndAReplaceDirectiveReplace() throws Exception {
    var patched = patch("Deployment", DEPLOYMENT, """
        {"spec":{"template":{"spec":{"volumes":[{"$patch":"replace"},{"name":"data","emptyDir":{}}],
          "containers":[{"name":"app","args":["--verbose"]}]}}}}""");

    assertThat(patched.path("spec").path("template").path("spec").path("volumes").toString()).isEqualTo("[{\"name\":\"data\",\"emptyDir\":{}}]");
    var patchedAgain = patch("Deployment", patched.toString(), """
        {"spec":{"template":{"spec":{"containers":[{"name":"app","args":["--quiet"]}]}}}}""");
    assertThat(patchedAgain.path("spec").path("template").path("spec").path("containers").get(0).path("args").toString())
        .isEqualTo("[\"--quiet\"]");
  }

  @Test
  void retainKeysDropsWhatAStrategyNoLongerNames() throws Exception {
    var patched = patch("Deployment", DEPLOYMENT, """
        {"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":null}}}""");

    assertThat(patched.path("spec").path("strategy").toString()).isEqualTo("{\"type\":\"Recreate\"}");
  }

  @Test
  void finalizersMergeAsASetAndServicePortsByPort() throws Exception {
    var finalizers = patch("Deployment", DEPLOYMENT, """
        {"metadata":{"finalizers":["b","a"],"$deleteFromPrimitiveList/finalizers":["a"]}}""");
    assertThat(finalizers.path("metadata").path("finalizers").toString()).isEqualTo("[\"b\"]");

    var service = patch("Service", """
        {"kind":"Service","spec":{"ports":[{"port":80,"targetPort":8080},{"port":443,"targetPort":8443}]}}""", """
        {"spec":{"ports":[{"port":80,"targetPort":9090}]}}""");
    assertThat(service.path("spec").path("ports").toString())
        .isEqualTo("[{\"port\":80,\"targetPort\":9090},{\"port\":443,\"targetPort\":8443}]");
  }
}
