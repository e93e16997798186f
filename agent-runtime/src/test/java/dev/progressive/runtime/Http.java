package dev.progressive.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A blocking JSON client for the tests, on HTTP/1.1 like the agents' own calls. */
public final class Http {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  /** One answer: status, body and headers. */
  public record Reply(int status, String body, HttpHeaders headers) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  private Http() {
  }

  public static Reply get(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), Map.of());
  }

  public static Reply post(URI base, String path, String json) {
    return post(base, path, json, Map.of());
  }

  public static Reply post(URI base, String path, String json, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
  }

  public static Reply put(URI base, String path, String json) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)), Map.of());
  }

  public static Reply delete(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), Map.of());
  }

  private static Reply send(HttpRequest.Builder builder, Map<String, String> headers) {
    headers.forEach(builder::header);
    builder.timeout(Duration.ofSeconds(10));
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
