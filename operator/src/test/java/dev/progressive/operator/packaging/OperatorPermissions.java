package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.Crds;
import dev.progressive.operator.Leadership;
import dev.progressive.operator.ProgressiveOperator;
import dev.progressive.operator.dev.DevCluster;
import dev.progressive.operator.dev.GarbageCollectorStandIn;
import dev.progressive.operator.dev.KubeletStandIn;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the operator needs from the API server, derived from the operator itself: what its controllers
 * declare ({@link DeclaredPermissions}) plus every request its client sends while it runs the samples
 * against the embedded API with leader election on, then every default playbook ({@link PlaybookDrill}), then
 * a lost child recreated before and after a restart ({@link ServiceRecreation}): Events created and counted, the
 * Lease, status writes, the intake's Incidents, the actions' reads and writes, all the calls the code makes
 * directly. A call on a path neither exercises is not seen: extend the drill with it.
 */
final class OperatorPermissions {
  /**
   * Stands for the operator's own (the release) namespace: where it takes its Lease, and where the alert
   * intake puts the Incidents of alerts that name no namespace.
   */
  static final String OWN_NAMESPACE = "progressive-operator-system";
  /** Requests every authenticated user may make (the system:basic-user role): no chart grants them. */
  private static final Set<String> GRANTED_TO_EVERYONE = Set.of(
      "selfsubjectaccessreviews", "selfsubjectrulesreviews", "selfsubjectreviews");
  /**
   * Before leader election, java-operator-sdk reads a SelfSubjectRulesReview of the Lease namespace and
   * refuses to start unless it shows these verbs on leases (LeaderElectionManager.checkLeaseAccess), whether
   * or not the Lease lock then uses them all.
   */
  private static final List<String> LEASE_CHECK_VERBS = List.of("create", "update", "get");

  /** Needs by where they apply: in each watched namespace, in the operator's own namespace, cluster-wide. */
  record Needs(Set<Permission> inWatchedNamespace, Set<Permission> inOwnNamespace, Set<Permission> clusterWide) {
    /**
     * What the own namespace needs with or without leader election and the alert intake: leases serve only
     * the Lease, everything else only the Incidents of alerts that name no namespace.
     */
    Set<Permission> inOwnNamespace(boolean leaderElection, boolean alertIntake) {
      var needed = new TreeSet<Permission>();
      inOwnNamespace.stream().filter(p -> p.resource().equals("leases") ? leaderElection : alertIntake)
          .forEach(needed::add);
      return needed;
    }
  }

  private OperatorPermissions() {}

  /** workDir: for the files the run needs, such as the webhook token. */
  static Needs derive(Path workDir) throws IOException, InterruptedException {
    var samples = Samples.resources();
    var watched = samples.stream().map(r -> r.getMetadata().getNamespace())
        .filter(ns -> ns != null).collect(Collectors.toSet());
    try (var cluster = DevCluster.start(); var authorizer = new AuthorizerStandIn()) {
      var recording = new RecordingClient(authorizer);
      // The garbage-collector stand-in watches the owners' kinds: the CRDs come first.
      Crds.load().forEach(crd -> cluster.client().resource(crd).create());
      try (var kubelet = new KubeletStandIn(cluster.client());
           var garbageCollector = new GarbageCollectorStandIn(cluster.client());
           var operatorClient = recording.connect(cluster.client())) {
        var settings = new ProgressiveOperator.Settings(watched, Optional.of(OWN_NAMESPACE), true)
            .withRemediation(PlaybookDrill.SETTINGS);
        // Stopping gives up the Lease; that must not exit the test JVM.
        Leadership.stopping();
        var operator = ProgressiveOperator.create(operatorClient, new SimpleMeterRegistry(), settings);
        var agent = samples.stream().filter(s -> s.getKind().equals("ProgressiveAgent")).findFirst().orElseThrow();
        operator.start();
        try {
          samples.forEach(resource -> cluster.client().resource(resource).create());
          awaitReconciled(cluster.client(), operator, samples);
          PlaybookDrill.run(cluster.client(), operatorClient, operator, watched.iterator().next(), OWN_NAMESPACE, workDir);
          ServiceRecreation.lose(cluster.client(), agent, 1);
        } finally {
          operator.stop();
        }
        var restarted = ProgressiveOperator.create(operatorClient, new SimpleMeterRegistry(), settings);
        restarted.start();
        try {
          ServiceRecreation.lose(cluster.client(), agent, 2);
        } finally {
          restarted.stop();
        }
        return needs(recording.requests(), watched, operator);
      }
    }
  }

  /**
   * Waits until the operator has renewed its Lease (taking and renewing use different verbs) and has written a
   * status on every sample it reconciles.
   */
  private static void awaitReconciled(KubernetesClient client, Operator operator, List<GenericKubernetesResource> samples) {
    var reconciledKinds = operator.getRegisteredControllers().stream()
        .map(c -> HasMetadata.getKind(c.getConfiguration().getResourceClass())).collect(Collectors.toSet());
    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
      var lease = client.leases().inNamespace(OWN_NAMESPACE).withName(ProgressiveOperator.LEASE_NAME).get();
      assertThat(lease).as("the leader-election Lease").isNotNull();
      assertThat(lease.getSpec().getRenewTime()).as("the Lease's renewal").isAfter(lease.getSpec().getAcquireTime());
      samples.stream().filter(s -> reconciledKinds.contains(s.getKind())).forEach(sample ->
          assertThat(client.resource(sample).get().getAdditionalProperties())
              .as("status of %s %s", sample.getKind(), sample.getMetadata().getName())
              .containsKey("status"));
    });
  }

  private static Needs needs(List<ApiRequest> requests, Set<String> watched, Operator operator) {
    var inWatched = new TreeSet<>(DeclaredPermissions.of(operator));
    var inOwn = new TreeSet<Permission>();
    var clusterWide = new TreeSet<>(DeclaredPermissions.clusterScoped(operator));
    for (var request : requests) {
      if (GRANTED_TO_EVERYONE.contains(request.permission().resource())) {
        continue;
      }
      if (request.namespace().equals(OWN_NAMESPACE)) {
        inOwn.add(request.permission());
      } else if (watched.contains(request.namespace())) {
        inWatched.add(request.permission());
      } else {
        clusterWide.add(request.permission());
      }
    }
    if (operator.getConfigurationService().getLeaderElectionConfiguration().isPresent()) {
      LEASE_CHECK_VERBS.forEach(verb -> inOwn.add(new Permission("coordination.k8s.io", "leases", verb)));
    }
    return new Needs(inWatched, inOwn, clusterWide);
  }
}
