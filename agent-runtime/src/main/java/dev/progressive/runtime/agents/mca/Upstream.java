package dev.progressive.runtime.agents.mca;

import dev.progressive.runtime.agents.AgentType;
import java.net.URI;

/**
 * One agent the MCA routes to. The name is unique and starts with the agent type it serves
 * ({@code npa}, {@code npa-2}, {@code npa-eu}); several upstreams of one type share its load.
 */
public record Upstream(String name, URI uri, AgentType agentType) {

  /** Parses {@code name=url,name=url}, the format of {@code AGENT_UPSTREAMS}. */
  public static java.util.List<Upstream> parseList(String spec) {
    var result = new java.util.ArrayList<Upstream>();
    if (spec == null || spec.isBlank()) {
      return result;
    }
    for (String pair : spec.split(",")) {
      String trimmed = pair.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0 || eq == trimmed.length() - 1) {
        throw new IllegalArgumentException("AGENT_UPSTREAMS entry '" + trimmed + "' is not name=url");
      }
      result.add(of(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim()));
    }
    long distinct = result.stream().map(Upstream::name).distinct().count();
    if (distinct != result.size()) {
      throw new IllegalArgumentException("AGENT_UPSTREAMS names must be unique: " + spec);
    }
    return result;
  }

  public static Upstream of(String name, String url) {
    String typeName = name.split("[-_.]", 2)[0];
    URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("upstream '" + name + "' has no absolute http url: " + url);
    }
    return new Upstream(name, uri, AgentType.parse(typeName));
  }
}
