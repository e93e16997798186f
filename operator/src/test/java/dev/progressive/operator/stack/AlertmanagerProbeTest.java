package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.progressive.operator.api.ObservabilityStack;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver check against an HTTP server answering /api/v2/status as Alertmanager does. */
class AlertmanagerProbeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void receiverOfTheStacksAlertmanagerConfigIsFound() throws IOException {
    var stack = stack(serve("receivers:\n- name: shop/stack/progressive-remediation\n- name: default\n"));

    assertThat(new AlertmanagerProbe().check(stack)).isEqualTo(AlertmanagerCheck.NOTHING_TO_ADD);
  }

  @Test
  void configWithoutTheReceiverNamesIt() throws IOException {
    var stack = stack(serve("receivers:\n- name: default\n"));

    assertThat(new AlertmanagerProbe().check(stack).missingReceiver()).contains("progressive-remediation");
  }

  @Test
  void closedPortIsUnreachable() throws IOException {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var check = new AlertmanagerProbe().check(stack("http://127.0.0.1:" + port));

    assertThat(check.missingReceiver()).isEmpty();
    assertThat(check.note()).contains("was unreachable");
  }

  private String serve(String originalConfig) throws IOException {
    var body = JSON.createObjectNode();
    body.putObject("config").put("original", originalConfig);
    var bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v2/status", exchange -> {
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private static ObservabilityStack stack(String alertmanagerUrl) {
    var stack = SampleStack.in("shop");
    stack.setMetadata(new ObjectMetaBuilder().withNamespace("shop").withName("stack").build());
    stack.getSpec().getAlerting().setAlertmanagerUrl(alertmanagerUrl);
    return stack;
  }
}
