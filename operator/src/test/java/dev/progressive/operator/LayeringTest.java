package dev.progressive.operator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's layers, lowest first: {@code common} (conditions, events, convergence of children) and
 * {@code monitoring} (rules, dashboards, routing as plain data); {@code api}, the custom resource types
 * and the contracts between features; {@code cluster}, the cluster as the operator finds it (optional
 * APIs, Prometheus and Grafana, the stack that governs a namespace); {@code delivery}, the pure analysis of
 * rollouts, which the agent's reconcile runs (it writes the agent's Deployments and status, so the analysis is
 * a layer under it, not a feature beside it); the features ({@link #FEATURES}), which never use each other;
 * and the wiring ({@code cli}, {@code server} and the root package).
 */
class LayeringTest {
  private static final String ROOT = "dev.progressive.operator";
  static final List<String> FEATURES = List.of("agent", "stack", "remediation", "intake", "dev");
  private static final List<String> WIRING = List.of("cli", "server");
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  @Test
  void noCycleBetweenPackages() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void aFeatureUsesNoOtherFeature() {
    for (var feature : FEATURES) {
      noClasses().that().resideInAPackage(pkg(feature))
          .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES.stream().filter(f -> !f.equals(feature))))
          .check(classes);
    }
  }

  @Test
  void onlyTheWiringUsesFeatures() {
    noClasses().that().resideOutsideOfPackages(packages(Stream.concat(WIRING.stream(), FEATURES.stream())))
        .and().resideOutsideOfPackage(ROOT)
        .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES.stream()))
        .check(classes);
  }

  @Test
  void theResourceTypesBuildOnCommonAlone() {
    noClasses().that().resideInAPackage(pkg("api"))
        .should().dependOnClassesThat().resideInAnyPackage(
            packages(Stream.of(Stream.of("monitoring", "cluster"), WIRING.stream(), FEATURES.stream()).flatMap(s -> s)))
        .check(classes);
  }

  @Test
  void theLowestLayersUseNoResourceType() {
    noClasses().that().resideInAnyPackage(packages(Stream.of("common", "monitoring")))
        .should().dependOnClassesThat().resideInAPackage(pkg("api"))
        .check(classes);
  }

  @Test
  void deliveryLiesBetweenTheClusterAndTheFeatures() {
    noClasses().that().resideInAPackage(pkg("delivery"))
        .should().dependOnClassesThat().resideInAnyPackage(packages(Stream.concat(WIRING.stream(), FEATURES.stream())))
        .check(classes);
    noClasses().that().resideInAnyPackage(packages(Stream.of("common", "monitoring", "api", "cluster")))
        .should().dependOnClassesThat().resideInAPackage(pkg("delivery"))
        .check(classes);
  }

  private static String pkg(String name) {
    return ROOT + "." + name + "..";
  }

  private static String[] packages(Stream<String> names) {
    return names.map(LayeringTest::pkg).toArray(String[]::new);
  }
}
