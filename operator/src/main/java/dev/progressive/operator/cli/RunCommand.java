package dev.progressive.operator.cli;

import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.common.ApiRateLimit;
import dev.progressive.operator.common.Closer;
import dev.progressive.operator.common.Durations;
import dev.progressive.operator.intake.IntakeSettings;
import dev.progressive.operator.remediation.RemediationSettings;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the operator against the cluster from KUBECONFIG, ~/.kube/config or the in-cluster"
        + " service account, with leader election, /healthz, /readyz, /metrics and the Alertmanager webhook.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--namespaces", split = ",", description = "Namespaces to watch (default: all).")
  Set<String> namespaces = Set.of();

  @Option(names = "--http-host", defaultValue = "0.0.0.0", description = "Address of the HTTP endpoints (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(names = "--http-port", defaultValue = "8080", description = "Port of the HTTP endpoints (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--leader-election", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Take a Lease so that only one replica reconciles (default: ${DEFAULT-VALUE}).")
  boolean leaderElection;

  @Option(names = "--lease-namespace",
      description = "Namespace of the leader-election Lease (default: the operator's own namespace).")
  Optional<String> leaseNamespace;

  @Option(names = "--webhook-token-file",
      description = "File with the bearer token Alertmanager sends to POST /alertmanager/webhook (a mounted"
          + " Secret; read again when it changes). Without it the webhook answers 503.")
  Optional<Path> webhookTokenFile;

  @Option(names = "--incident-namespace", defaultValue = "${env:POD_NAMESPACE:-default}",
      description = "Namespace of the Incidents of alerts without a namespace label (default: $POD_NAMESPACE, else default).")
  String incidentNamespace;

  @Option(names = "--webhook-body-limit", defaultValue = "" + IntakeSettings.DEFAULT_BODY_LIMIT_BYTES,
      description = "Largest webhook body accepted, in bytes; larger ones get 413 (default: ${DEFAULT-VALUE}).")
  int webhookBodyLimit;

  @Option(names = "--remediation-dry-run",
      description = "Record what every playbook would do, and do nothing (Incidents end Suppressed with reason DryRun).")
  boolean remediationDryRun;

  @Option(names = "--remediation-paused",
      description = "The kill switch for every namespace: Incidents are recorded and decided, and hold before their next step"
          + " (reason Paused) until the operator runs without it.")
  boolean remediationPaused;

  @Spec CommandSpec spec;

  @Option(names = "--kube-api-qps", defaultValue = "50",
      description = "Requests a second the operator sends to the Kubernetes API once its burst is spent (default: ${DEFAULT-VALUE}).")
  double kubeApiQps;

  @Option(names = "--kube-api-burst", defaultValue = "100",
      description = "Requests the operator may send to the Kubernetes API at once (default: ${DEFAULT-VALUE}).")
  int kubeApiBurst;

  Optional<URI> prometheusUrl = Optional.empty();

  /** Refused at start: a URL without scheme or host would fail every diagnostics step of every run. */
  @Option(names = "--prometheus-url",
      description = "Prometheus the diagnostics step queries, and that agents are checked with (conditions Scraped and"
          + " RulesLoaded) where their stack names none, e.g. http://prometheus-operated.monitoring:9090 (default: none).")
  void prometheusUrl(URI url) {
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--prometheus-url: '" + url
          + "' is not an http(s) URL with a host; write e.g. http://prometheus-operated.monitoring:9090");
    }
    prometheusUrl = Optional.of(url);
  }

  @Option(names = "--prometheus-read-interval", defaultValue = "30s", converter = ReadIntervalConverter.class,
      description = "How often each Prometheus is asked about the agents' targets, rules and SLOs: one read of each"
          + " per interval, shared by all agents (default: ${DEFAULT-VALUE}).")
  Duration prometheusReadInterval;

  static final class ReadIntervalConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      var interval = Durations.parse(value, "--prometheus-read-interval");
      if (interval.isZero() || interval.isNegative()) {
        throw new CommandLine.TypeConversionException("--prometheus-read-interval must be longer than 0, was " + value);
      }
      return interval;
    }
  }

  @Option(names = "--keep-incidents", defaultValue = "100",
      description = "Finished Incidents kept per namespace; older ones are deleted (default: ${DEFAULT-VALUE}).")
  int keepIncidents;

  @Option(names = "--keep-incidents-for", defaultValue = "7d", converter = RetentionConverter.class,
      description = "How long a finished Incident is kept, e.g. 12h or 7d (default: ${DEFAULT-VALUE}).")
  Duration keepIncidentsFor;

  /** Days are the natural unit for retention, so accept them beside the spec's own units. */
  static final class RetentionConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return value.endsWith("d")
          ? Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)))
          : Durations.parse(value, "--keep-incidents-for");
    }
  }

  /** The client's builder with the API rate limit; a limit that lets nothing through is refused at start. */
  KubernetesClientBuilder rateLimited() {
    try {
      return ApiRateLimit.applyTo(new KubernetesClientBuilder(), kubeApiQps, kubeApiBurst);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    if (!namespaces.isEmpty() && !namespaces.contains(incidentNamespace)) {
      LOG.warn("Alerts without a namespace label become Incidents in {}, which --namespaces does not include:"
          + " they are stored but no playbook runs for them. Add {} to --namespaces or point"
          + " --incident-namespace at a watched namespace.", incidentNamespace, incidentNamespace);
    }
    var parts = new Closer();
    var client = parts.add(rateLimited().build());
    var remediation = new RemediationSettings(remediationDryRun, prometheusUrl, keepIncidents, keepIncidentsFor,
        remediationPaused);
    var settings = new ProgressiveOperator.Settings(namespaces, leaseNamespace, leaderElection).withRemediation(remediation)
        .withPrometheusReads(prometheusReadInterval);
    var intake = new IntakeSettings(webhookTokenFile, incidentNamespace, webhookBodyLimit);
    parts.add(RunningOperator.start(client, settings, intake, httpHost, httpPort));
    RunningOperator.runUntilShutdown(parts);
    return 0;
  }
}
