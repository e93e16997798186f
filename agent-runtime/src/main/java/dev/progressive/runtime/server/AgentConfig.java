package dev.progressive.runtime.server;

import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.agents.mca.Upstream;
import dev.progressive.runtime.breaker.BreakerSettings;
import dev.progressive.runtime.faults.FaultPlan;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one agent process needs to start. {@link #fromEnv(Map)} reads the env contract the
 * operator relies on; {@link #builder(AgentType)} is for in-process use (tests, other modules).
 *
 * @param openTelemetry when present, used as is (tests pass an SDK with an in-memory exporter);
 *                      when empty, built from the standard {@code OTEL_*} env
 * @param initialFaults the fault plan in force from the first request ({@code AGENT_FAULT_ERROR_RATIO}):
 *                      a test aid that makes a build behave as a bad version, e.g. a canary that must fail
 */
public record AgentConfig(
    AgentType agentType,
    String agentId,
    String host,
    int port,
    String version,
    List<Upstream> upstreams,
    BreakerSettings breakerDefaults,
    Optional<Path> breakerFile,
    boolean faultInjectionEnabled,
    FaultPlan initialFaults,
    boolean instrumentationEnabled,
    Optional<OpenTelemetry> openTelemetry,
    Timings timings) {

  /**
   * Durations that production leaves at their defaults and tests shorten.
   *
   * @param upstreamTimeout    how long MCA waits for one upstream call
   * @param upstreamProbe      how often MCA checks its upstreams' readiness
   * @param breakerFilePoll    how often the breaker file is re-read
   * @param drain              the longest a shutdown waits for in-flight requests
   */
  public record Timings(Duration upstreamTimeout, Duration upstreamProbe, Duration breakerFilePoll,
                        Duration drain) {
    public static Timings defaults() {
      return new Timings(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1),
          Duration.ofSeconds(20));
    }
  }

  public AgentConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("AGENT_PORT must be 0..65535, was " + port);
    }
    if (agentType != AgentType.MCA && !upstreams.isEmpty()) {
      throw new IllegalArgumentException("AGENT_UPSTREAMS is for the mca only, not " + agentType.label());
    }
    upstreams = List.copyOf(upstreams);
  }

  public static Builder builder(AgentType type) {
    return new Builder(type);
  }

  /** Reads the env contract of design.md; unknown variables are ignored. */
  public static AgentConfig fromEnv(Map<String, String> env) {
    String typeValue = env.get("AGENT_TYPE");
    if (typeValue == null || typeValue.isBlank()) {
      throw new IllegalArgumentException("AGENT_TYPE is required (mca|npa|wpa|bma|rpa)");
    }
    AgentType type = AgentType.parse(typeValue);
    Builder builder = builder(type)
        .agentId(env.getOrDefault("AGENT_ID", type.label() + "-" + hostName(env)))
        .host(env.getOrDefault("AGENT_HOST", "0.0.0.0"))
        .port(intValue(env, "AGENT_PORT", 8080))
        .version(env.getOrDefault("AGENT_VERSION", Builder.DEFAULT_VERSION))
        .upstreams(Upstream.parseList(env.get("AGENT_UPSTREAMS")))
        .breakerDefaults(new BreakerSettings(
            boolValue(env, "CIRCUIT_BREAKER_ENABLED", false),
            intValue(env, "CIRCUIT_BREAKER_THRESHOLD", BreakerSettings.DEFAULT_THRESHOLD),
            false,
            BreakerSettings.DEFAULT_RETRY_AFTER))
        .faultInjectionEnabled(boolValue(env, "FAULT_INJECTION_ENABLED", false))
        .initialFaults(new FaultPlan(ratioValue(env, "AGENT_FAULT_ERROR_RATIO"), 500, Duration.ZERO))
        .instrumentationEnabled(!"off".equalsIgnoreCase(env.getOrDefault("AGENT_INSTRUMENTATION", "on")));
    String file = env.get("CIRCUIT_BREAKER_CONFIG_FILE");
    if (file != null && !file.isBlank()) {
      builder.breakerFile(Path.of(file));
    }
    return builder.build();
  }

  private static String hostName(Map<String, String> env) {
    return env.getOrDefault("HOSTNAME", "local");
  }

  private static int intValue(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, was '" + value + "'");
    }
  }

  /** A share from 0 to 1; absent or blank is 0. */
  private static double ratioValue(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return 0;
    }
    double ratio;
    try {
      ratio = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      ratio = Double.NaN;
    }
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException(name + " must be a number from 0 to 1, was '" + value + "'");
    }
    return ratio;
  }

  private static boolean boolValue(Map<String, String> env, String name, boolean fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
    };
  }

  /** Defaults suit one agent on port 8080 with breakers and fault injection off. */
  public static final class Builder {
    static final String DEFAULT_VERSION = "5.0.0";
    private final AgentType agentType;
    private String agentId;
    private String host = "127.0.0.1";
    private int port = 8080;
    private String version = DEFAULT_VERSION;
    private List<Upstream> upstreams = List.of();
    private BreakerSettings breakerDefaults = BreakerSettings.disabled();
    private Path breakerFile;
    private boolean faultInjectionEnabled;
    private FaultPlan initialFaults = FaultPlan.NONE;
    private boolean instrumentationEnabled = true;
    private OpenTelemetry openTelemetry;
    private Timings timings = Timings.defaults();

    private Builder(AgentType agentType) {
      this.agentType = agentType;
      this.agentId = agentType.label() + "-1";
    }

    public Builder agentId(String value) { this.agentId = value; return this; }
    public Builder host(String value) { this.host = value; return this; }
    public Builder port(int value) { this.port = value; return this; }
    public Builder version(String value) { this.version = value; return this; }
    public Builder upstreams(List<Upstream> value) { this.upstreams = value; return this; }
    public Builder breakerDefaults(BreakerSettings value) { this.breakerDefaults = value; return this; }
    public Builder breakerFile(Path value) { this.breakerFile = value; return this; }
    public Builder faultInjectionEnabled(boolean value) { this.faultInjectionEnabled = value; return this; }
    public Builder initialFaults(FaultPlan value) { this.initialFaults = value; return this; }
    public Builder instrumentationEnabled(boolean value) { this.instrumentationEnabled = value; return this; }
    public Builder openTelemetry(OpenTelemetry value) { this.openTelemetry = value; return this; }
    public Builder timings(Timings value) { this.timings = value; return this; }

    public AgentConfig build() {
      return new AgentConfig(agentType, agentId, host, port, version, upstreams, breakerDefaults,
          Optional.ofNullable(breakerFile), faultInjectionEnabled, initialFaults, instrumentationEnabled,
          Optional.ofNullable(openTelemetry), timings);
    }
  }
}
