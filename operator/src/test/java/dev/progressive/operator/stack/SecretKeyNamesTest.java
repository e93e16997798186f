package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretKeyNamesTest {
  private static final String VALUE = "aHVudGVyMg==";

  @Test
  void theStoreKeepsTheSecretsIdentityAndKeyNamesButNoValue() {
    var secret = new SecretBuilder()
        .withNewMetadata()
          .withName("alertmanager-credentials").withNamespace("team-a").withUid("u-1").withResourceVersion("42")
          .addToLabels("owner", "billing")
          .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{\"data\":{\"smtp-password\":\"" + VALUE + "\"}}")
          .addNewManagedField().withManager("kubectl").endManagedField()
        .endMetadata()
        .withType("Opaque")
        .withData(Map.of("smtp-password", VALUE))
        .withStringData(Map.of("slack-webhook-url", "https://hooks.example/secret"))
        .build();
    var store = new SecretKeyNames();
    store.put(store.getKey(secret), secret);

    var kept = store.get(Cache.namespaceKeyFunc("team-a", "alertmanager-credentials"));
    assertThat(SecretKeyNames.of(kept)).containsExactly("slack-webhook-url", "smtp-password");
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(kept.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(new KubernetesSerialization().asJson(kept))
        .doesNotContain(VALUE, "hooks.example", "last-applied", "billing", "kubectl");
  }
}
