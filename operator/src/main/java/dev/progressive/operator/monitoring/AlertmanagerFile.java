package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.progressive.operator.monitoring.AlertmanagerRouting.EmailConfig;
import dev.progressive.operator.monitoring.AlertmanagerRouting.InhibitRule;
import dev.progressive.operator.monitoring.AlertmanagerRouting.Matcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A plain alertmanager.yml, for Alertmanagers that prometheus-operator does not manage. Every
 * credential is a {@code *_file} path to a mounted Secret key, {@code <secretsDir>/<name>/<key>}:
 * the layout in which an Alertmanager resource's {@code spec.secrets} and a Secret volume per
 * directory mount them.
 */
public final class AlertmanagerFile {

  /** Where prometheus-operator mounts the Secrets listed in an Alertmanager's {@code spec.secrets}. */
  public static final Path DEFAULT_SECRETS_DIR = Path.of("/etc/alertmanager/secrets");

  private AlertmanagerFile() {}

  public static String yaml(AlertRouting routing, Path secretsDir) {
    return Serialization.write(mapper(secretsDir), AlertmanagerRouting.of(routing));
  }

  private static ObjectMapper mapper(Path secretsDir) {
    return Serialization.leavingOutAbsent(Serialization.YAML)
        .setPropertyNamingStrategy(new SnakeCaseWithFiles())
        .registerModule(new SimpleModule()
            .addSerializer(asString(SecretRef.class, secret -> file(secretsDir, secret)))
            .addSerializer(asString(Matcher.class, AlertmanagerFile::matcher)))
        .addMixIn(EmailConfig.class, SmtpInGlobal.class)
        .addMixIn(InhibitRule.class, InhibitMatchers.class);
  }

  private static String file(Path secretsDir, SecretRef secret) {
    return secretsDir.resolve(secret.name()).resolve(secret.key()).toString();
  }

  /** Alertmanager's string form, {@code name="value"}. */
  private static String matcher(Matcher matcher) {
    return matcher.name() + matcher.matchType() + TextNode.valueOf(matcher.value());
  }

  private static <T> StdSerializer<T> asString(Class<T> type, Function<T, String> text) {
    return new StdSerializer<>(type) {
      @Override
      public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(text.apply(value));
      }
    };
  }

  /** Alertmanager reads a credential from the path in {@code <field>_file}. */
  private static final class SnakeCaseWithFiles extends PropertyNamingStrategies.SnakeCaseStrategy {

    @Override
    public String nameForGetterMethod(MapperConfig<?> config, AnnotatedMethod method, String name) {
      String snakeCase = super.nameForGetterMethod(config, method, name);
      return method.getRawType() == SecretRef.class ? snakeCase + "_file" : snakeCase;
    }
  }

  /** The file sets SMTP once, in {@code global}. */
  private interface SmtpInGlobal {
    @JsonIgnore
    String from();

    @JsonIgnore
    String smarthost();

    @JsonIgnore
    String authUsername();

    @JsonIgnore
    SecretRef authPassword();
  }

  /** The file's {@code source_match} is a deprecated label map; matcher lists are {@code source_matchers}. */
  private interface InhibitMatchers {
    @JsonProperty("source_matchers")
    List<Matcher> sourceMatch();

    @JsonProperty("target_matchers")
    List<Matcher> targetMatch();
  }
}
