package dev.progressive.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The process the operator runs: configured by env only, JSON lines on stdout and nothing else,
 * no tracing noise without an OTLP endpoint, and a clean stop on SIGTERM.
 */
class AgentMainProcessTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

  @Test
  void runsFromEnvAndStopsOnSigterm() throws IOException, InterruptedException {
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
        AgentMain.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("OTEL_") || name.startsWith("AGENT_"));
    env.put("AGENT_TYPE", "wpa");
    env.put("AGENT_ID", "wpa-process");
    env.put("AGENT_HOST", "127.0.0.1");
    env.put("AGENT_PORT", "0");
    Process process = builder.start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().forEach(lines::add);
      } catch (IOException e) {
        lines.add("reader failed: " + e);
      }
    });
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> LISTENING.matcher(l).find()));
      Matcher port = lines.stream().map(LISTENING::matcher).filter(Matcher::find).findFirst().orElseThrow();
      URI uri = URI.create("http://127.0.0.1:" + port.group(1));

      Http.Reply plan = Http.post(uri, "/api/v1/workout-plans", "{\"fitnessLevel\": \"beginner\"}");
      assertThat(plan.status()).isEqualTo(200);
      assertThat(Http.get(uri, "/health/ready").status()).isEqualTo(200);
    } finally {
      // SIGTERM through the handle: Process.destroy() would also close our end of its stdout.
      process.toHandle().destroy();
    }
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    reader.join(Duration.ofSeconds(5));

    List<JsonNode> json = lines.stream().map(AgentMainProcessTest::parse).toList();
    assertThat(json).anySatisfy(l -> assertThat(l.path("message").asText()).isEqualTo("workout plan generated"));
    assertThat(json).anySatisfy(l -> assertThat(l.path("message").asText()).isEqualTo("wpa agent wpa-process stopped"));
    assertThat(json).filteredOn(l -> l.path("message").asText().startsWith("wpa agent"))
        .allSatisfy(l -> assertThat(l.path("agent_id").asText()).isEqualTo("wpa-process"));
    assertThat(json).noneSatisfy(l -> assertThat(l.path("level").asText()).isIn("WARN", "ERROR"));
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = MAPPER.readTree(line);
      assertThat(node.isObject()).as("stdout line %s", line).isTrue();
      return node;
    } catch (IOException e) {
      throw new AssertionError("stdout line is not JSON: " + line, e);
    }
  }
}
