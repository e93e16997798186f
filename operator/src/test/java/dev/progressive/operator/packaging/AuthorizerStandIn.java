package dev.progressive.operator.packaging;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Answers SelfSubjectRulesReviews, which the embedded API cannot (it has no authorizer). java-operator-sdk
 * sends one before leader election to check its Lease permissions; the answer here allows everything, as
 * the API server would for an administrator, so that the operator goes on to make its real Lease requests.
 * Any authenticated user may create these reviews, so they need no grant in the chart.
 */
final class AuthorizerStandIn implements AutoCloseable {
  private static final byte[] ALLOW_ALL = """
      {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","metadata":{},
       "status":{"incomplete":false,"nonResourceRules":[],
                 "resourceRules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]}}
      """.getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  AuthorizerStandIn() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, ALLOW_ALL.length);
      exchange.getResponseBody().write(ALLOW_ALL);
      exchange.close();
    });
    server.start();
  }

  static boolean answers(URI request) {
    return request.getPath().endsWith("/selfsubjectrulesreviews");
  }

  URI uri(URI request) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + request.getRawPath());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
