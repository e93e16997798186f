package dev.progressive.runtime.server;

import io.helidon.webserver.http.ServerRequest;

/**
 * Which requests are the agent's API: those are traced, measured, guarded by the breaker and
 * subject to injected faults. Probes, scrapes and the admin endpoint are not, so that a fault
 * or an open breaker never hides the agent from Kubernetes or Prometheus.
 */
public final class ApiScope {
  public static final String PREFIX = "/api/";
  /** The endpoint label of API requests that matched no route: one series, not one per path. */
  public static final String UNMATCHED = "unmatched";
  /** The catch-all route that answers unknown API paths with a JSON 404. */
  static final String FALLBACK_PATTERN = "/api/*";

  private ApiScope() {
  }

  public static boolean includes(ServerRequest request) {
    return request.path().path().startsWith(PREFIX);
  }

  /**
   * The route template ({@code /api/v1/meal-plans}), never the raw path: the matched route's, or for
   * a request a filter answered before routing, the one {@link ApiRoutes} found for its path.
   */
  public static String endpoint(ServerRequest request) {
    return request.matchingPattern()
        .filter(pattern -> !pattern.equals(FALLBACK_PATTERN))
        .or(() -> request.context().get(ApiRoutes.CONTEXT_KEY, String.class))
        .orElse(UNMATCHED);
  }
}
