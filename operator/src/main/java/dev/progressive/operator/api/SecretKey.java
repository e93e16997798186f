package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A key of a Secret in the stack's namespace: how every credential is given, never its value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKey {
  public static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$";
  public static final String KEY_PATTERN = "^[-._a-zA-Z0-9]+$";

  @Required
  @Pattern(NAME_PATTERN)
  @JsonPropertyDescription("Name of the Secret, in the stack's namespace.")
  private String name;

  @Required
  @Pattern(KEY_PATTERN)
  @JsonPropertyDescription("Key within the Secret.")
  private String key;

  public SecretKey() {}

  public SecretKey(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getKey() { return key; }
  public void setKey(String key) { this.key = key; }
}
