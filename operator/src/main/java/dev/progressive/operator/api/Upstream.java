package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Upstream {
  public static final String NAME_PATTERN = "^[a-z][a-z0-9-]{0,62}$";
  public static final String URL_PATTERN = "^https?://[^\\s,=]+$";

  @Required
  @Pattern(NAME_PATTERN)
  @JsonPropertyDescription("Route name the MCA uses for this upstream, e.g. npa.")
  private String name;

  @Required
  @Pattern(URL_PATTERN)
  @JsonPropertyDescription("Base URL of the upstream agent, e.g. http://npa:8080.")
  private String url;

  public Upstream() {}

  public Upstream(String name, String url) {
    this.name = name;
    this.url = url;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }
}
