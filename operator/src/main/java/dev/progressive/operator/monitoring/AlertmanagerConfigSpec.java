package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.progressive.operator.monitoring.AlertmanagerRouting.EmailConfig;
import dev.progressive.operator.monitoring.AlertmanagerRouting.Global;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} of an AlertmanagerConfig ({@code monitoring.coreos.com/v1alpha1}). Credentials
 * are Secret key selectors ({@code name}, {@code key}) in the AlertmanagerConfig's namespace.
 *
 * <p>prometheus-operator adds {@code namespace="<this object's namespace>"} to the top-level route
 * (and to inhibit rules), so this routing only sees alerts that carry that label.
 */
public final class AlertmanagerConfigSpec {

  /** {@link AlertmanagerRouting} has the CRD's names already, and a {@link SecretRef} is a selector as it is. */
  private static final ObjectMapper SPEC = Serialization.leavingOutAbsent(Serialization.JSON)
      .addMixIn(AlertmanagerRouting.class, WithoutGlobal.class)
      .addMixIn(EmailConfig.class, HeaderList.class);

  private AlertmanagerConfigSpec() {}

  public static Map<String, Object> spec(AlertRouting routing) {
    return Serialization.asMap(SPEC, AlertmanagerRouting.of(routing));
  }

  /** An AlertmanagerConfig has no global section: each email carries the SMTP settings. */
  private interface WithoutGlobal {
    @JsonIgnore
    Global global();
  }

  /** An AlertmanagerConfig's headers are a list of key-value pairs, not a map. */
  private interface HeaderList {
    @JsonSerialize(converter = KeyValues.class)
    Map<String, String> headers();
  }

  private record KeyValue(String key, String value) {}

  private static final class KeyValues extends StdConverter<Map<String, String>, List<KeyValue>> {

    @Override
    public List<KeyValue> convert(Map<String, String> map) {
      return map.entrySet().stream().map(entry -> new KeyValue(entry.getKey(), entry.getValue())).toList();
    }
  }
}
