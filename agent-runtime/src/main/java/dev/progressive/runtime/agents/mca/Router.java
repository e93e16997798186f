package dev.progressive.runtime.agents.mca;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a task to one upstream of the right type: the least loaded ready one whose breaker lets
 * the call through, failing over to the next on a timeout, a connection error or a 5xx.
 */
final class Router {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  /** The answer of the upstream that took the task. */
  record Routed(String upstream, UpstreamClient.Answer answer) {
  }

  private final UpstreamPool pool;
  private final UpstreamClient client;
  private final McaMetrics metrics;

  Router(UpstreamPool pool, UpstreamClient client, McaMetrics metrics) {
    this.pool = pool;
    this.client = client;
    this.metrics = metrics;
  }

  Routed route(Task task, JsonNode payload, String strategy) {
    String type = task.agentType().label();
    List<UpstreamPool.Member> candidates = pool.candidates(task.agentType());
    if (candidates.isEmpty()) {
      metrics.systemError("no_upstream", "none");
      throw new RoutingFailure(Status.SERVICE_UNAVAILABLE_503, "no_upstream", type,
          "no " + type + " upstream is configured (AGENT_UPSTREAMS)", null);
    }
    List<UpstreamPool.Member> rejected = new ArrayList<>();
    String lastError = null;
    for (int i = 0; i < candidates.size(); i++) {
      UpstreamPool.Member member = candidates.get(i);
      if (!member.breaker().tryAcquire()) {
        rejected.add(member);
        continue;
      }
      String recovery = i < candidates.size() - 1 ? "failover" : "none";
      String name = member.upstream().name();
      member.callStarted();
      try {
        UpstreamClient.Answer answer = client.post(member.upstream(), task.path(), payload);
        if (answer.status() < 500) {
          member.breaker().recordSuccess();
          metrics.decision(strategy, name, true);
          LOG.info("routed {} to {}", kv("task", task.label()), kv("target_agent", name),
              kv("strategy", strategy), kv("upstream_status", answer.status()));
          return new Routed(name, answer);
        }
        lastError = "upstream_5xx";
        LOG.warn("upstream {} answered {} to {}", name, answer.status(), task.label());
      } catch (HttpTimeoutException e) {
        lastError = "timeout";
        LOG.warn("upstream {} timed out on {}", name, task.label());
      } catch (IOException e) {
        lastError = "connection";
        LOG.warn("upstream {} unreachable for {}: {}", name, task.label(), e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RoutingFailure(Status.SERVICE_UNAVAILABLE_503, "interrupted", type, "the MCA is shutting down", null);
      } finally {
        member.callEnded();
      }
      member.breaker().recordFailure();
      metrics.decision(strategy, name, false);
      metrics.systemError(lastError, recovery);
    }
    if (lastError == null) {
      metrics.systemError("circuit_open", "reject");
      Duration retry = rejected.stream().map(m -> m.breaker().retryAfter())
          .min(Comparator.naturalOrder()).orElse(Duration.ZERO);
      throw new RoutingFailure(Status.SERVICE_UNAVAILABLE_503, "circuit_breaker_open", type,
          "circuit breaker open for every " + type + " upstream "
              + rejected.stream().map(m -> m.upstream().name()).toList(), retry);
    }
    Status status = "timeout".equals(lastError) ? Status.GATEWAY_TIMEOUT_504 : Status.BAD_GATEWAY_502;
    throw new RoutingFailure(status, "upstream_" + ("timeout".equals(lastError) ? "timeout" : "unavailable"),
        type, "no " + type + " upstream could serve " + task.label() + " (last error: " + lastError + ")", null);
  }
}
