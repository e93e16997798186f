package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The children one reconcile created and updated, noted by its dependents (which java-operator-sdk may
 * run in parallel) and told afterwards in one Event: "Created Deployment npa, ConfigMaps npa-breaker,
 * npa-dashboard; updated Service npa to match the spec". Kinds and names are sorted, so the same changes
 * read the same and a repeat is counted on one Event.
 */
public final class ChildChanges {
  public static final String CREATED = "ChildrenCreated";
  public static final String UPDATED = "ChildrenUpdated";
  private static final String KEY = ChildChanges.class.getName();

  private record Change(boolean created, String kind, String name) {}

  private final Queue<Change> changes = new ConcurrentLinkedQueue<>();

  private ChildChanges() {
  }

  /** Opens the list that the dependents of the workflow about to run note their changes in. */
  public static void start(Context<?> context) {
    context.managedWorkflowAndDependentResourceContext().put(KEY, new ChildChanges());
  }

  static void created(Context<?> context, HasMetadata child) {
    note(context, new Change(true, child.getKind(), child.getMetadata().getName()));
  }

  static void updated(Context<?> context, HasMetadata child) {
    note(context, new Change(false, child.getKind(), child.getMetadata().getName()));
  }

  private static void note(Context<?> context, Change change) {
    context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, ChildChanges.class).changes.add(change);
  }

  /**
   * Records the Event of the changes noted so far, if any, and forgets them: a failure after the report
   * (a conflicting status write) does not tell them again.
   *
   * @param waiting what the resource now waits for, added to the message
   */
  static void report(Context<?> context, HasMetadata primary, EventRecorder events, Optional<String> waiting) {
    var noted = context.managedWorkflowAndDependentResourceContext().get(KEY, ChildChanges.class)
        .map(ChildChanges::drain).orElse(List.of());
    if (noted.isEmpty()) {
      return;
    }
    var created = phrase(noted, true);
    var updated = phrase(noted, false);
    var told = new ArrayList<String>();
    created.ifPresent(children -> told.add("Created " + children));
    updated.ifPresent(children -> told.add((told.isEmpty() ? "Updated " : "updated ") + children + " to match the spec"));
    waiting.ifPresent(what -> told.add("waiting: " + what));
    events.normal(primary, updated.isPresent() ? UPDATED : CREATED, String.join("; ", told));
  }

  private List<Change> drain() {
    var drained = new ArrayList<Change>();
    for (var change = changes.poll(); change != null; change = changes.poll()) {
      drained.add(change);
    }
    return drained;
  }

  /** "Deployment npa, Services npa, npa-canary", the changes of one kind (created or updated) grouped by kind. */
  private static Optional<String> phrase(List<Change> noted, boolean created) {
    var byKind = noted.stream().filter(change -> change.created() == created).collect(Collectors.groupingBy(
        Change::kind, TreeMap::new, Collectors.mapping(Change::name, Collectors.toCollection(TreeSet::new))));
    if (byKind.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(byKind.entrySet().stream()
        .map(kind -> (kind.getValue().size() == 1 ? kind.getKey() : plural(kind.getKey())) + " " + String.join(", ", kind.getValue()))
        .collect(Collectors.joining(", ")));
  }

  /** English plurals of Kubernetes kinds: Services, Ingresses, NetworkPolicies. */
  private static String plural(String kind) {
    if (kind.matches(".*(s|x|z|ch|sh)")) {
      return kind + "es";
    }
    if (kind.matches(".*[^aeiou]y")) {
      return kind.substring(0, kind.length() - 1) + "ies";
    }
    return kind + "s";
  }
}
