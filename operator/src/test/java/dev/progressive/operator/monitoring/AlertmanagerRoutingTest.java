package dev.progressive.operator.monitoring;

import static dev.progressive.operator.monitoring.ExternalTool.amtool;
import static dev.progressive.operator.monitoring.ExternalTool.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.progressive.operator.monitoring.AlertRouting.RemediationWebhook;
import dev.progressive.operator.monitoring.AlertRouting.Route;
import dev.progressive.operator.monitoring.AlertRouting.Smtp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's routing as a plain alertmanager.yml (checked by the real amtool) and as an AlertmanagerConfig. */
class AlertmanagerRoutingTest {

  static final SecretRef SMTP_PASSWORD = new SecretRef("alertmanager-smtp", "password");
  static final SecretRef SLACK = new SecretRef("alertmanager-slack", "webhook-url");
  static final SecretRef MCA_PAGERDUTY = new SecretRef("alertmanager-pagerduty", "mca-routing-key");
  static final SecretRef SRE_PAGERDUTY = new SecretRef("alertmanager-pagerduty", "sre-routing-key");
  static final SecretRef WEBHOOK_TOKEN = new SecretRef("progressive-operator-webhook", "token");
  static final List<SecretRef> SECRETS = List.of(SMTP_PASSWORD, SLACK, MCA_PAGERDUTY, SRE_PAGERDUTY, WEBHOOK_TOKEN);
  static final String WEBHOOK_URL = "http://progressive-operator.progressive-system.svc:8080/alertmanager/webhook";

  /** Credential fields that hold a value inline, which generated configuration must never use. */
  static final List<String> INLINE_CREDENTIAL_FIELDS = List.of("smtp_auth_password", "auth_password", "api_url",
      "routing_key", "service_key", "credentials", "bearer_token", "password");

  @TempDir Path dir;

  static AlertRouting seed(boolean remediation) {
    return SeedAlertRouting.routing(
        new Smtp("smtp.gmail.com:587", "alerts@progressive-framework.com", "alerts@progressive-framework.com",
            SMTP_PASSWORD),
        new SeedAlertRouting.Credentials(SLACK, MCA_PAGERDUTY, SRE_PAGERDUTY),
        remediation ? new RemediationWebhook(WEBHOOK_URL, WEBHOOK_TOKEN) : null);
  }

  @Test
  void plainConfigPassesAmtoolCheckConfig() throws IOException {
    Path config = write(seed(true));

    assertThat(succeed(amtool(dir, "check-config", config.toString())))
        .contains("SUCCESS", "1 inhibit rules", "7 receivers");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "service=mca severity=critical        | progressive-remediation,mca-critical",
      "tier=agents severity=warning         | progressive-remediation,agent-health-team",
      "business_impact=high severity=warning | progressive-remediation,business-team",
      "sla=availability severity=critical    | progressive-remediation,sre-team",
      "tier=infrastructure severity=warning  | progressive-remediation,infrastructure-team",
      "alertname=SomethingElse              | progressive-remediation,default"})
  void amtoolRoutesEveryAlertToTheWebhookAndThenToTheSeedsReceiver(String labels, String receivers)
      throws IOException {
    Path config = write(seed(true));
    List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + config,
        "--verify.receivers=" + receivers));
    args.addAll(List.of(labels.trim().split("\\s+")));

    assertThat(succeed(amtool(dir, args.toArray(String[]::new)))).contains(receivers);
  }

  @Test
  void withoutRemediationTheSeedsRoutesAlone() throws IOException {
    Path config = write(seed(false));

    assertThat(succeed(amtool(dir, "check-config", config.toString()))).contains("6 receivers");
    assertThat(succeed(amtool(dir, "config", "routes", "test", "--config.file=" + config,
        "--verify.receivers=mca-critical", "service=mca", "severity=critical"))).contains("mca-critical");
  }

  @Test
  void plainConfigNamesEveryCredentialByFileAndHoldsNoSecretValue() throws IOException {
    List<String> values = new ArrayList<>();
    for (SecretRef secret : SECRETS) {
      String value = "value-of-" + secret.name() + "-" + secret.key();
      Files.createDirectories(dir.resolve(secret.name()));
      Files.writeString(dir.resolve(secret.name()).resolve(secret.key()), value);
      values.add(value);
    }
    String yaml = AlertmanagerFile.yaml(seed(true), dir);
    JsonNode config = Serialization.YAML.readTree(yaml);

    assertThat(values).noneMatch(yaml::contains);
    assertThat(fieldNames(config)).doesNotContainAnyElementsOf(INLINE_CREDENTIAL_FIELDS)
        .contains("smtp_auth_password_file", "api_url_file", "routing_key_file", "credentials_file");
    assertThat(fileReferences(config)).allSatisfy(path -> assertThat(Path.of(path)).isRegularFile());
    assertThat(config.at("/receivers/0/webhook_configs/0/http_config/authorization/credentials_file").asText())
        .isEqualTo(dir.resolve("progressive-operator-webhook/token").toString());
  }

  @Test
  void plainConfigSendsEveryAlertToTheWebhookFirstAndContinues() throws IOException {
    JsonNode route = Serialization.YAML.readTree(AlertmanagerFile.yaml(seed(true), dir)).get("route");

    assertThat(route.at("/routes/1/receiver").asText()).isEqualTo("progressive-remediation");
    assertThat(route.at("/routes/1/continue").asBoolean()).isTrue();
    assertThat(route.at("/routes/1/matchers").isMissingNode()).isTrue();
    assertThat(route.at("/routes/2/matchers").toString()).isEqualTo("[\"service=\\\"mca\\\"\",\"severity=\\\"critical\\\"\"]");
  }

  @Test
  void alertmanagerConfigReferencesSecretKeys() {
    JsonNode spec = Serialization.JSON.valueToTree(AlertmanagerConfigSpec.spec(seed(true)));
    JsonNode mcaCritical = receiver(spec, "mca-critical");
    Map<String, String> smtp = Map.of("name", "alertmanager-smtp", "key", "password");

    assertThat(Serialization.JSON.convertValue(mcaCritical.at("/emailConfigs/0/authPassword"), Map.class))
        .isEqualTo(smtp);
    assertThat(mcaCritical.at("/emailConfigs/0/headers/0/key").asText()).isEqualTo("Subject");
    assertThat(mcaCritical.at("/slackConfigs/0/apiURL/name").asText()).isEqualTo("alertmanager-slack");
    assertThat(mcaCritical.at("/pagerdutyConfigs/0/routingKey/key").asText()).isEqualTo("mca-routing-key");
    JsonNode webhook = receiver(spec, "progressive-remediation").at("/webhookConfigs/0");
    assertThat(webhook.get("url").asText()).isEqualTo(WEBHOOK_URL);
    assertThat(webhook.at("/httpConfig/authorization/type").asText()).isEqualTo("Bearer");
    assertThat(webhook.at("/httpConfig/authorization/credentials/name").asText())
        .isEqualTo("progressive-operator-webhook");
  }

  @Test
  void alertmanagerConfigRoutesLikeThePlainFile() {
    JsonNode spec = Serialization.JSON.valueToTree(AlertmanagerConfigSpec.spec(seed(true)));

    assertThat(spec.at("/route/receiver").asText()).isEqualTo("default");
    assertThat(spec.at("/route/routes/1/receiver").asText()).isEqualTo("progressive-remediation");
    assertThat(spec.at("/route/routes/1/continue").asBoolean()).isTrue();
    assertThat(spec.at("/route/routes/1/groupBy").toString()).isEqualTo("[\"...\"]");
    assertThat(spec.at("/route/routes/2/matchers").toString()).isEqualTo(
        "[{\"name\":\"service\",\"value\":\"mca\",\"matchType\":\"=\"},"
            + "{\"name\":\"severity\",\"value\":\"critical\",\"matchType\":\"=\"}]");
    assertThat(spec.at("/inhibitRules/0/sourceMatch/0/value").asText()).isEqualTo("critical");
    assertThat(spec.at("/inhibitRules/0/equal").toString()).contains("\"namespace\"", "\"slo\"");
  }

  @Test
  void alertmanagerConfigHoldsEveryCredentialAsASecretKeySelector() {
    JsonNode spec = Serialization.JSON.valueToTree(AlertmanagerConfigSpec.spec(seed(true)));
    List<JsonNode> credentials = new ArrayList<>();
    collect(spec, List.of("authPassword", "apiURL", "routingKey", "serviceKey", "credentials"), credentials);

    assertThat(credentials).hasSize(11).allSatisfy(credential -> {
      assertThat(credential.isObject()).as(credential.toString()).isTrue();
      assertThat(credential.get("name").asText()).isNotBlank();
      assertThat(credential.get("key").asText()).isNotBlank();
    });
  }

  @Test
  void bothShapesKeepAnEmptyStringAndLeaveOutEmptyLists() throws IOException {
    AlertRouting seed = seed(false);
    AlertRouting routing = new AlertRouting(new Smtp("smtp.gmail.com:587", "alerts@progressive-framework.com", "",
        SMTP_PASSWORD), seed.root(), seed.routes(), seed.receivers(), seed.inhibitions(), null);
    JsonNode file = Serialization.YAML.readTree(AlertmanagerFile.yaml(routing, dir));
    JsonNode spec = Serialization.JSON.valueToTree(AlertmanagerConfigSpec.spec(routing));

    assertThat(file.at("/global/smtp_auth_username").isTextual()).isTrue();
    assertThat(spec.at("/receivers/0/emailConfigs/0/authUsername").isTextual()).isTrue();
    assertThat(file.at("/route/matchers").isMissingNode()).isTrue();
    assertThat(spec.at("/route/matchers").isMissingNode()).isTrue();
  }

  @Test
  void routingRejectsARouteToAnUnknownReceiver() {
    AlertRouting seed = seed(false);
    List<Route> routes = Stream.concat(seed.routes().stream(),
        Stream.of(new Route("nobody", Map.of("team", "x"), null, null, null, null))).toList();

    assertThatThrownBy(() -> new AlertRouting(seed.smtp(), seed.root(), routes, seed.receivers(),
        seed.inhibitions(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nobody");
  }

  private Path write(AlertRouting routing) throws IOException {
    return Files.writeString(dir.resolve("alertmanager.yml"), AlertmanagerFile.yaml(routing, dir.resolve("secrets")));
  }

  private static JsonNode receiver(JsonNode spec, String name) {
    for (JsonNode receiver : spec.get("receivers")) {
      if (receiver.get("name").asText().equals(name)) {
        return receiver;
      }
    }
    throw new AssertionError("no receiver " + name + " in " + spec);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    walk(node, (name, value) -> names.add(name));
    return names;
  }

  private static List<String> fileReferences(JsonNode node) {
    List<String> files = new ArrayList<>();
    walk(node, (name, value) -> {
      if (name.endsWith("_file")) {
        files.add(value.asText());
      }
    });
    return files;
  }

  private static void collect(JsonNode node, List<String> names, List<JsonNode> found) {
    walk(node, (name, value) -> {
      if (names.contains(name)) {
        found.add(value);
      }
    });
  }

  private static void walk(JsonNode node, java.util.function.BiConsumer<String, JsonNode> visitor) {
    node.properties().forEach(field -> {
      visitor.accept(field.getKey(), field.getValue());
      walk(field.getValue(), visitor);
    });
    if (node.isArray()) {
      node.forEach(element -> walk(element, visitor));
    }
  }
}
