package dev.progressive.operator.packaging;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.dependent.DependentResourceSpec;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfig;
import io.javaoperatorsdk.operator.processing.event.source.informer.ManagedInformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The permissions the registered controllers declare through their configuration: list and watch for
 * every informer (primary and secondary resources) and for every dependent in a workflow, whose informer
 * may start only once its activation condition holds (an optional API installed later), and the writes
 * java-operator-sdk makes for each dependent. A new controller or dependent is picked up without a change here.
 */
final class DeclaredPermissions {
  private DeclaredPermissions() {}

  /** The permissions on namespaced resources; the workflows' dependents are all namespaced. */
  static Set<Permission> of(Operator operator) {
    return of(operator, true);
  }

  /** The permissions on cluster-scoped resources (such as Namespaces), which only a ClusterRole grants. */
  static Set<Permission> clusterScoped(Operator operator) {
    return of(operator, false);
  }

  private static Set<Permission> of(Operator operator, boolean namespaced) {
    var needed = new TreeSet<Permission>();
    for (var registered : operator.getRegisteredControllers()) {
      var controller = (Controller<?>) registered;
      controller.getEventSourceManager().allEventSources().stream()
          .filter(ManagedInformerEventSource.class::isInstance)
          .filter(source -> Namespaced.class.isAssignableFrom(source.resourceType()) == namespaced)
          .forEach(source -> needed.addAll(on(source.resourceType(), "list", "watch")));
      var configuration = controller.getConfiguration();
      configuration.getWorkflowSpec().filter(workflow -> namespaced).ifPresent(workflow -> {
        List<DependentResourceSpec> specs = workflow.getDependentResourceSpecs();
        Map<String, DependentResourceSpec> byName = specs.stream()
            .collect(Collectors.toMap(DependentResourceSpec::getName, Function.identity()));
        specs.forEach(spec -> needed.addAll(writes(configuration, spec, byName)));
      });
    }
    return needed;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Set<Permission> writes(
      ControllerConfiguration<?> configuration, DependentResourceSpec spec, Map<String, DependentResourceSpec> byName) {
    var service = configuration.getConfigurationService();
    var type = service.dependentResourceFactory().associatedResourceType(spec);
    var dependent = spec.getDependentResourceClass();
    if (type == null || !HasMetadata.class.isAssignableFrom(type) || !KubernetesDependentResource.class.isAssignableFrom(dependent)) {
      return Set.of();  // not a Kubernetes resource: no API permission involved
    }
    var config = (KubernetesDependentResourceConfig) configuration.getConfigurationFor(spec);
    boolean serverSideApply = service.shouldUseSSA(dependent, type, config);
    var verbs = new TreeSet<String>(List.of("list", "watch"));
    if (Creator.class.isAssignableFrom(dependent)) {
      verbs.add(serverSideApply ? "patch" : "create");
    }
    if (Updater.class.isAssignableFrom(dependent)) {
      verbs.add(serverSideApply ? "patch" : "update");
    }
    if (deletes(spec, byName)) {
      verbs.add("delete");
    }
    return on((Class<? extends HasMetadata>) type, verbs.toArray(String[]::new));
  }

  /**
   * java-operator-sdk deletes a dependent on cleanup unless the garbage collector does it through the owner
   * reference, and always when a reconcile precondition of the dependent or of one it depends on fails.
   */
  @SuppressWarnings("rawtypes")
  private static boolean deletes(DependentResourceSpec spec, Map<String, DependentResourceSpec> byName) {
    var type = spec.getDependentResourceClass();
    if (!Deleter.class.isAssignableFrom(type)) {
      return false;
    }
    return !GarbageCollected.class.isAssignableFrom(type) || hasPrecondition(spec, byName);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static boolean hasPrecondition(DependentResourceSpec spec, Map<String, DependentResourceSpec> byName) {
    Set<String> parents = spec.getDependsOn();
    return spec.getReconcileCondition() != null
        || parents.stream().map(byName::get).anyMatch(parent -> hasPrecondition(parent, byName));
  }

  private static Set<Permission> on(Class<? extends HasMetadata> type, String... verbs) {
    var group = HasMetadata.getGroup(type);
    var resource = HasMetadata.getPlural(type);
    var permissions = new TreeSet<Permission>();
    for (var verb : verbs) {
      permissions.add(new Permission(group == null ? "" : group, resource, verb));
    }
    return permissions;
  }
}
