package dev.progressive.operator.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.progressive.operator.intake.AlertIntake;
import dev.progressive.operator.intake.IntakeSettings;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorHttpServerTest {

  @Test
  void aPortInUseStopsTheStartNamingTheAddressAndTheOption() throws Exception {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Nothing is sent to this address: the intake only needs a client to exist.
    try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         var client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:9").build()).build()) {
      var intake = AlertIntake.create(client, registry,
          new IntakeSettings(Optional.empty(), "default", IntakeSettings.DEFAULT_BODY_LIMIT_BYTES));
      assertThatThrownBy(() -> OperatorHttpServer.start("127.0.0.1", taken.getLocalPort(), null, registry, intake))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort()
              + " (in use, or not an address of this host): choose another with --http-port");
    }
  }
}
