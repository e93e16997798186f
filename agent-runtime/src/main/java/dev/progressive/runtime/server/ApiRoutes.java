package dev.progressive.runtime.server;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route templates of the agent's API, known before routing. The inbound breaker and fault
 * injection answer in filters, before Helidon matched a route; without this, their failures would be
 * labelled {@link ApiScope#UNMATCHED} and the alerts that select an endpoint (meal plans, workouts)
 * would never see them. As a filter, it tells {@link ApiScope#endpoint} the template of each request
 * whose path is one. Templates are recorded from the service's {@code post}, {@code get}... calls.
 */
final class ApiRoutes implements HttpRules, Filter {
  static final String CONTEXT_KEY = ApiRoutes.class.getName();

  private final String prefix;
  private final Set<String> templates;

  private ApiRoutes(String prefix, Set<String> templates) {
    this.prefix = prefix;
    this.templates = templates;
  }

  static ApiRoutes of(String prefix, HttpService service) {
    var routes = new ApiRoutes(prefix, new TreeSet<>());
    service.routing(routes);
    return routes;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    var path = req.path().path();
    if (templates.contains(path)) {
      req.context().register(CONTEXT_KEY, path);
    }
    chain.proceed();
  }

  @Override
  public HttpRules route(Method method, String pathPattern, Handler handler) {
    // Only literal paths: a template with parameters never equals a request's path.
    templates.add(prefix + pathPattern);
    return this;
  }

  @Override
  public HttpRules route(HttpRoute route) {
    // A route built without a path string cannot be named before routing; it stays unmatched.
    return this;
  }

  @Override
  public HttpRules register(HttpService... services) {
    for (var service : services) {
      service.routing(this);
    }
    return this;
  }

  @Override
  public HttpRules register(String pathPattern, HttpService... services) {
    for (var service : services) {
      service.routing(new ApiRoutes(prefix + pathPattern, templates));
    }
    return this;
  }
}
