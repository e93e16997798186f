package dev.progressive.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.agents.mca.Upstream;
import dev.progressive.runtime.breaker.BreakerSettings;
import dev.progressive.runtime.faults.FaultPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

  @Test
  void readsTheEnvContract() {
    AgentConfig config = AgentConfig.fromEnv(Map.of(
        "AGENT_TYPE", "MCA",
        "AGENT_ID", "mca-7",
        "AGENT_PORT", "9000",
        "AGENT_UPSTREAMS", "npa=http://npa:8080, npa-2=http://npa-2:8080/ ,rpa=http://rpa:8080",
        "CIRCUIT_BREAKER_ENABLED", "true",
        "CIRCUIT_BREAKER_THRESHOLD", "5",
        "CIRCUIT_BREAKER_CONFIG_FILE", "/etc/progressive/breaker.properties",
        "FAULT_INJECTION_ENABLED", "true",
        "AGENT_INSTRUMENTATION", "off"));

    assertThat(config.agentType()).isEqualTo(AgentType.MCA);
    assertThat(config.agentId()).isEqualTo("mca-7");
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.upstreams()).containsExactly(
        new Upstream("npa", URI.create("http://npa:8080"), AgentType.NPA),
        new Upstream("npa-2", URI.create("http://npa-2:8080"), AgentType.NPA),
        new Upstream("rpa", URI.create("http://rpa:8080"), AgentType.RPA));
    assertThat(config.breakerDefaults().enabled()).isTrue();
    assertThat(config.breakerDefaults().threshold()).isEqualTo(5);
    assertThat(config.breakerFile()).contains(Path.of("/etc/progressive/breaker.properties"));
    assertThat(config.faultInjectionEnabled()).isTrue();
    assertThat(config.instrumentationEnabled()).isFalse();
  }

  @Test
  void defaultsFollowTheSeed() {
    AgentConfig config = AgentConfig.fromEnv(Map.of("AGENT_TYPE", "npa", "HOSTNAME", "npa-5d9f"));

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.agentId()).isEqualTo("npa-npa-5d9f");
    assertThat(config.breakerDefaults().enabled()).isFalse();
    assertThat(config.breakerDefaults().threshold()).isEqualTo(BreakerSettings.DEFAULT_THRESHOLD);
    assertThat(config.breakerFile()).isEmpty();
    assertThat(config.faultInjectionEnabled()).isFalse();
    assertThat(config.instrumentationEnabled()).isTrue();
  }

  @Test
  void rejectsBadValuesNamingTheVariable() {
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of())).hasMessageContaining("AGENT_TYPE");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("AGENT_TYPE", "xyz"))).hasMessageContaining("xyz");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("AGENT_TYPE", "npa", "AGENT_PORT", "http")))
        .hasMessageContaining("AGENT_PORT");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("AGENT_TYPE", "npa", "CIRCUIT_BREAKER_ENABLED", "maybe")))
        .hasMessageContaining("CIRCUIT_BREAKER_ENABLED");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("AGENT_TYPE", "npa", "AGENT_UPSTREAMS", "wpa=http://wpa")))
        .hasMessageContaining("mca only");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("AGENT_TYPE", "mca", "AGENT_UPSTREAMS", "npa")))
        .hasMessageContaining("name=url");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("AGENT_TYPE", "mca", "AGENT_UPSTREAMS", "db=http://db")))
        .hasMessageContaining("db");
    assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("AGENT_TYPE", "mca",
        "AGENT_UPSTREAMS", "npa=http://a,npa=http://b"))).hasMessageContaining("unique");
  }

  @Test
  void aFaultErrorRatioMakesTheAgentFailThatShareFromTheStart() {
    AgentConfig config = AgentConfig.fromEnv(Map.of("AGENT_TYPE", "npa", "AGENT_FAULT_ERROR_RATIO", "0.25"));

    assertThat(config.initialFaults()).isEqualTo(new FaultPlan(0.25, 500, Duration.ZERO));
    assertThat(config.faultInjectionEnabled()).as("the admin endpoint stays off").isFalse();
    assertThat(AgentConfig.fromEnv(Map.of("AGENT_TYPE", "npa")).initialFaults()).isEqualTo(FaultPlan.NONE);
    assertThat(AgentConfig.fromEnv(Map.of("AGENT_TYPE", "npa", "AGENT_FAULT_ERROR_RATIO", "1")).initialFaults().errorRatio())
        .isEqualTo(1);
  }

  @Test
  void rejectsAFaultErrorRatioOutsideZeroToOne() {
    for (String bad : new String[] {"1.5", "-0.1", "half", "NaN", "25%"}) {
      assertThatThrownBy(() -> AgentConfig.fromEnv(Map.of("AGENT_TYPE", "npa", "AGENT_FAULT_ERROR_RATIO", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("AGENT_FAULT_ERROR_RATIO must be a number from 0 to 1, was '" + bad + "'");
    }
  }
}
