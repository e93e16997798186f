package dev.progressive.operator.agent;

import static dev.progressive.operator.api.ProgressiveAgentStatus.SCRAPED;
import static dev.progressive.operator.common.Conditions.of;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.ProgressiveAgentStatus;
import dev.progressive.operator.api.ScrapeStatus;
import dev.progressive.operator.cluster.PrometheusApi.Target;
import dev.progressive.operator.cluster.PrometheusSnapshot;
import dev.progressive.operator.common.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The agent's {@code Scraped} condition and {@code status.monitoring}: whether Prometheus itself
 * scrapes the agent's pods, from its active targets. A target is the agent's when it carries the
 * agent's namespace and one of its pods, or its Service or job (a ServiceMonitor names both after
 * the Service, which is named after the agent).
 */
final class ScrapedCondition {
  static final String REASON_UP = "AllTargetsUp";
  static final String REASON_DOWN = "TargetsDown";
  static final String REASON_NONE = "NoActiveTargets";
  static final String REASON_OFF = "VerificationOff";
  static final String REASON_UNREACHABLE = "PrometheusUnreachable";

  static final Duration LAST_SCRAPE_REFRESH = Duration.ofMinutes(5);

  /** The condition, and the counts when Prometheus could be read. */
  record Scraped(Condition condition, Optional<ScrapeStatus> status) {}

  private ScrapedCondition() {}

  static Scraped from(ProgressiveAgent agent, PrometheusReport report) {
    if (report.snapshot().isEmpty()) {
      return new Scraped(off(SCRAPED), Optional.empty());
    }
    var snapshot = report.snapshot().get();
    if (snapshot.failure().isPresent()) {
      return new Scraped(unreachable(SCRAPED, snapshot), Optional.empty());
    }
    var targets = snapshot.targets().stream().filter(t -> isAgents(t, agent, report)).toList();
    var up = (int) targets.stream().filter(Target::up).count();
    var status = new ScrapeStatus(up, targets.size(), lastScrape(agent, up, targets));
    var counts = up + "/" + targets.size() + " targets up";
    if (targets.isEmpty()) {
      return new Scraped(of(SCRAPED, false, REASON_NONE, "Prometheus " + snapshot.url() + " has no active target for"
          + " namespace " + agent.getMetadata().getNamespace() + " and pod, service or job " + agent.getMetadata().getName()
          + ": likely no Prometheus selects ServiceMonitor " + agent.getMetadata().getName() + " (see condition Monitored),"
          + " or the Service's port is not named " + AgentDeployment.PORT_NAME), Optional.of(status));
    }
    if (up < targets.size()) {
      var down = targets.stream().filter(t -> !t.up()).map(t -> name(t) + ": " + t.lastError()).collect(Collectors.joining("; "));
      return new Scraped(of(SCRAPED, false, REASON_DOWN, counts + "; " + down), Optional.of(status));
    }
    return new Scraped(of(SCRAPED, true, REASON_UP, counts + " in Prometheus " + snapshot.url()), Optional.of(status));
  }

  /** Shared with {@code RulesLoaded}: both read the same Prometheus, so both are unknown for the same reasons. */
  static Condition off(String type) {
    return Conditions.unknown(type, REASON_OFF, "The operator reads no Prometheus: set spec.prometheus.url on the"
        + " namespace's ObservabilityStack, or start the operator with --prometheus-url, to have it check that the agent"
        + " is scraped and its rules loaded");
  }

  static Condition unreachable(String type, PrometheusSnapshot snapshot) {
    return Conditions.unknown(type, REASON_UNREACHABLE, "Cannot read Prometheus " + snapshot.url() + ": "
        + snapshot.failure().orElse(""));
  }

  private static boolean isAgents(Target target, ProgressiveAgent agent, PrometheusReport report) {
    var labels = target.labels();
    var name = agent.getMetadata().getName();
    return Objects.equals(labels.get("namespace"), agent.getMetadata().getNamespace())
        && (report.pods().contains(labels.get("pod")) || name.equals(labels.get("service")) || name.equals(labels.get("job")));
  }

  private static String name(Target target) {
    return Optional.ofNullable(target.labels().get("pod")).orElse(target.labels().getOrDefault("instance", "?"));
  }

  /**
   * The newest scrape, as the status shows it. Prometheus scrapes every few seconds, so writing each new
   * time would write every monitored agent's status on every read; while the counts stay the same, the
   * time shown moves on only once it is {@link #LAST_SCRAPE_REFRESH} older than the newest.
   */
  private static String lastScrape(ProgressiveAgent agent, int up, List<Target> targets) {
    var newest = targets.stream().flatMap(t -> t.lastScrape().stream()).max(Instant::compareTo)
        .map(at -> at.truncatedTo(ChronoUnit.SECONDS));
    var shown = Optional.ofNullable(agent.getStatus()).map(ProgressiveAgentStatus::getMonitoring)
        .filter(before -> Objects.equals(before.getTargetsUp(), up) && Objects.equals(before.getTargetsTotal(), targets.size()))
        .map(ScrapeStatus::getLastScrape).map(Instant::parse);
    if (newest.isPresent() && shown.isPresent() && !shown.get().isAfter(newest.get())
        && shown.get().plus(LAST_SCRAPE_REFRESH).isAfter(newest.get())) {
      return shown.get().toString();
    }
    return newest.map(Instant::toString).orElse(null);
  }
}
