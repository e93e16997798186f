package dev.progressive.runtime.agents.mca;

import dev.progressive.runtime.agents.AgentType;
import dev.progressive.runtime.breaker.BreakerSettings;
import dev.progressive.runtime.breaker.CircuitBreaker;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** The MCA's upstreams with what it knows of each: breaker, load, readiness. */
final class UpstreamPool {

  /** One upstream and its live state. */
  static final class Member {
    private final Upstream upstream;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder routed = new LongAdder();
    private volatile Boolean ready;

    Member(Upstream upstream, CircuitBreaker breaker) {
      this.upstream = upstream;
      this.breaker = breaker;
    }

    Upstream upstream() {
      return upstream;
    }

    CircuitBreaker breaker() {
      return breaker;
    }

    int inFlight() {
      return inFlight.get();
    }

    long routed() {
      return routed.sum();
    }

    /** Null until the first readiness probe has answered. */
    Boolean ready() {
      return ready;
    }

    void ready(boolean value) {
      ready = value;
    }

    void callStarted() {
      inFlight.incrementAndGet();
      routed.increment();
    }

    void callEnded() {
      inFlight.decrementAndGet();
    }
  }

  private final List<Member> members;

  UpstreamPool(List<Upstream> upstreams, Supplier<BreakerSettings> settings, Clock clock) {
    this.members = upstreams.stream()
        .map(u -> new Member(u, new CircuitBreaker(u.name(), settings, clock)))
        .toList();
  }

  List<Member> members() {
    return members;
  }

  /**
   * The upstreams of a type in the order to try them: ready ones first, then the least loaded,
   * then by name so that ties are broken the same way every time.
   */
  List<Member> candidates(AgentType type) {
    return members.stream()
        .filter(m -> m.upstream().agentType() == type)
        .sorted(Comparator.comparing((Member m) -> !Boolean.TRUE.equals(m.ready()))
            .thenComparingInt(Member::inFlight)
            .thenComparingLong(Member::routed)
            .thenComparing(m -> m.upstream().name()))
        .toList();
  }

  boolean serves(AgentType type) {
    return members.stream().anyMatch(m -> m.upstream().agentType() == type);
  }

  long totalRouted() {
    return members.stream().mapToLong(Member::routed).sum();
  }
}
