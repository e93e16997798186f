package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpecBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which Incident may act on an agent, decided atomically by the API server: one Lease per agent,
 * {@code progressive-claim-<agent>} in its namespace, whose holder is the Incident's name. Creating it
 * wins; a 409 means another Incident holds the agent. A claim whose holder has finished (or is gone),
 * or that is older than its duration, is taken over by an update that carries the resourceVersion
 * read, so two takers cannot both win. The Leases live in the API, so a restarted or new leader sees
 * every claim; they carry an owner reference to their Incident, so deleting it deletes them.
 */
final class AgentClaims {
  static final String PREFIX = "progressive-claim-";
  static final String AGENT_LABEL = "progressive.dev/claimed-agent";
  static final String HOLDER_LABEL = "progressive.dev/claimed-by";
  /** Longer than any run of the default playbooks; a holder that died holds its agents no longer than this. */
  static final Duration DURATION = Duration.ofHours(1);

  private final KubernetesClient client;
  private final Function<ResourceID, Optional<Incident>> cached;

  /** {@code cached}: the Incidents as the controller's cache has them, consulted before the API. */
  AgentClaims(KubernetesClient client, Function<ResourceID, Optional<Incident>> cached) {
    this.client = client;
    this.cached = cached;
  }

  /**
   * Claims each agent for {@code incident}, in name order, and keeps the claims it won: answers, for
   * each agent another Incident holds, who holds it. One busy agent does not stop the run acting on the
   * others; the caller decides whether anything is left to act on.
   */
  Map<String, String> claimEach(Incident incident, SortedSet<String> agents, Instant now) {
    var busy = new TreeMap<String, String>();
    for (var agent : agents) {
      claim(incident, agent, now).ifPresent(holder -> busy.put(agent, holder));
    }
    return busy;
  }

  /** Gives back agents the Incident claimed but will not act on (each one it holds, by name). */
  void release(Incident incident, Collection<String> agents) {
    var leases = client.leases().inNamespace(incident.getMetadata().getNamespace());
    for (var agent : agents) {
      leases.withName(name(agent)).delete();
    }
  }

  /** Gives back every agent the Incident holds. */
  void releaseAll(Incident incident) {
    client.leases().inNamespace(incident.getMetadata().getNamespace())
        .withLabel(HOLDER_LABEL, incident.getMetadata().getName()).delete();
  }

  /**
   * Whether the Incident of that name ended its run. A holder the cache shows running is running (a
   * cache that lags only makes this answer later, never wrongly "finished"); any other answer is read
   * from the API before the claim is taken over. In a storm this spares a read for every alert.
   */
  private boolean finished(String holder, String namespace) {
    if (cached.apply(new ResourceID(holder, namespace)).filter(i -> !ended(i)).isPresent()) {
      return false;
    }
    var incident = client.resources(Incident.class).inNamespace(namespace).withName(holder).get();
    return incident == null || ended(incident);
  }

  private static boolean ended(Incident incident) {
    return incident.getStatus() != null && incident.getStatus().getPhase() != null && incident.getStatus().getPhase().isFinal();
  }

  /**
   * Claims {@code agent} for {@code incident}; answers the name of the Incident that holds it instead,
   * if any. Claiming again an agent the Incident holds is a success, so a resumed run repeats safely.
   */
  private Optional<String> claim(Incident incident, String agent, Instant now) {
    var leases = client.leases().inNamespace(incident.getMetadata().getNamespace());
    try {
      leases.resource(lease(incident, agent, now, null)).create();
      return Optional.empty();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
    var held = leases.withName(name(agent)).get();
    if (held == null) {
      return claim(incident, agent, now);
    }
    var holder = held.getSpec().getHolderIdentity();
    if (incident.getMetadata().getName().equals(holder)) {
      return Optional.empty();
    }
    if (!finished(holder, incident.getMetadata().getNamespace()) && !expired(held, now)) {
      return Optional.of(holder);
    }
    try {
      leases.resource(lease(incident, agent, now, held.getMetadata().getResourceVersion())).update();
      return Optional.empty();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return Optional.ofNullable(leases.withName(name(agent)).get()).map(l -> l.getSpec().getHolderIdentity());
      }
      throw e;
    }
  }

  static String name(String agent) {
    return PREFIX + agent;
  }

  private static boolean expired(Lease lease, Instant now) {
    var spec = lease.getSpec();
    if (spec.getAcquireTime() == null || spec.getLeaseDurationSeconds() == null) {
      return true;
    }
    var acquired = spec.getAcquireTime().toInstant();
    return acquired.plusSeconds(spec.getLeaseDurationSeconds()).isBefore(now);
  }

  private static Lease lease(Incident incident, String agent, Instant now, String resourceVersion) {
    var meta = incident.getMetadata();
    var lease = new Lease();
    lease.setMetadata(new ObjectMetaBuilder()
        .withName(name(agent))
        .withNamespace(meta.getNamespace())
        .withResourceVersion(resourceVersion)
        .withLabels(Map.of(Labels.MANAGED_BY, Labels.MANAGER, AGENT_LABEL, agent, HOLDER_LABEL, meta.getName()))
        .withOwnerReferences(new OwnerReferenceBuilder()
            .withApiVersion(incident.getApiVersion()).withKind(incident.getKind())
            .withName(meta.getName()).withUid(meta.getUid()).build())
        .build());
    lease.setSpec(new LeaseSpecBuilder()
        .withHolderIdentity(meta.getName())
        .withLeaseDurationSeconds((int) DURATION.toSeconds())
        .withAcquireTime(ZonedDateTime.ofInstant(now, ZoneOffset.UTC))
        .build());
    return lease;
  }
}
