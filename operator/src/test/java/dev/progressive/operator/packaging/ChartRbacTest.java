package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart grants the operator exactly what it uses: every permission {@link OperatorPermissions} derives
 * from the operator's own code, in the namespaces where it uses it, and nothing else. When this fails after
 * a change to the operator, update templates/rbac.yaml as the message says.
 */
class ChartRbacTest {
  /** Stands for any namespace of a cluster-wide install. */
  private static final String SOME_NAMESPACE = "any-team";
  private static OperatorPermissions.Needs needs;

  @TempDir
  Path workDir;

  @BeforeAll
  static void deriveWhatTheOperatorNeeds(@TempDir Path runDir) throws Exception {
    needs = OperatorPermissions.derive(runDir);
  }

  static List<ChartVariant> variants() {
    return ChartVariant.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void grantsEveryPermissionTheOperatorUsesAndNothingMore(ChartVariant variant) {
    var chart = variant.render(new Helm(workDir));
    var grants = ChartGrants.of(chart);
    var scope = Scope.of(chart);
    var softly = new SoftAssertions();
    lacking(softly, grants, scope);
    excess(softly, grants, scope);
    softly.assertAll();
  }

  /**
   * Where the rendered operator works, from its Deployment: the watched namespaces (empty: all), its own
   * namespace, whether it takes a Lease there, and whether its alert intake is on.
   */
  private record Scope(List<String> watched, String ownNamespace, boolean leaderElection, boolean alertIntake) {
    static Scope of(RenderedChart chart) {
      var deployment = chart.ofKind("Deployment").get(0);
      var args = new ArrayList<String>();
      deployment.at("/spec/template/spec/containers/0/args").forEach(a -> args.add(a.asText()));
      var ownNamespace = deployment.at("/metadata/namespace").asText();
      var lease = argument(args, "--lease-namespace=");
      lease.ifPresent(namespace -> assertThat(namespace).as("the Lease's namespace").isEqualTo(ownNamespace));
      return new Scope(argument(args, "--namespaces=").map(list -> List.of(list.split(","))).orElse(List.of()),
          ownNamespace, lease.isPresent(), argument(args, "--webhook-token-file=").isPresent());
    }

    Set<Permission> ownNeeds() {
      return needs.inOwnNamespace(leaderElection, alertIntake);
    }

    boolean clusterWide() {
      return watched.isEmpty();
    }
  }

  private static void lacking(SoftAssertions softly, ChartGrants grants, Scope scope) {
    for (var namespace : scope.clusterWide() ? List.of(SOME_NAMESPACE) : scope.watched()) {
      softly.assertThat(missing(needs.inWatchedNamespace(), grants.in(namespace)))
          .as("permissions templates/rbac.yaml lacks in watched namespace %s", namespace).isEmpty();
    }
    softly.assertThat(missing(scope.ownNeeds(), grants.in(scope.ownNamespace())))
        .as("permissions templates/rbac.yaml lacks in the operator's own namespace %s", scope.ownNamespace()).isEmpty();
    softly.assertThat(missing(needs.clusterWide(), grants.clusterWide()))
        .as("cluster-scoped permissions templates/rbac.yaml lacks").isEmpty();
  }

  private static void excess(SoftAssertions softly, ChartGrants grants, Scope scope) {
    var allowedClusterWide = new TreeSet<>(needs.clusterWide());
    if (scope.clusterWide()) {
      allowedClusterWide.addAll(needs.inWatchedNamespace());
    }
    softly.assertThat(missing(grants.clusterWide(), allowedClusterWide))
        .as("cluster-wide permissions the chart grants but the operator does not use").isEmpty();
    grants.byNamespace().forEach((namespace, granted) -> {
      var allowed = new TreeSet<Permission>();
      if (scope.watched().contains(namespace)) {
        allowed.addAll(needs.inWatchedNamespace());
      }
      if (namespace.equals(scope.ownNamespace())) {
        allowed.addAll(scope.ownNeeds());
      }
      softly.assertThat(missing(granted, allowed))
          .as("permissions the chart grants in %s but the operator does not use there", namespace).isEmpty();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void namesEveryVerbResourceAndGroupWithoutWildcards(ChartVariant variant) {
    var chart = variant.render(new Helm(workDir));
    var roles = new ArrayList<>(chart.ofKind("Role"));
    roles.addAll(chart.ofKind("ClusterRole"));
    assertThat(roles).isNotEmpty();
    for (var role : roles) {
      assertThat(role.path("rules").findValues("verbs").toString()
          + role.path("rules").findValues("resources") + role.path("rules").findValues("apiGroups"))
          .as("rules of %s", RenderedChart.name(role)).doesNotContain("\"*\"");
    }
  }

  private static Set<Permission> missing(Set<Permission> wanted, Set<Permission> present) {
    var missing = new TreeSet<>(wanted);
    missing.removeAll(present);
    return missing;
  }

  private static Optional<String> argument(List<String> args, String prefix) {
    return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
  }
}
