package dev.progressive.operator.stack;

import dev.progressive.operator.api.ObservabilityStack;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Secrets stacks reference, watched so that creating, deleting or rekeying one updates the stacks
 * that name it at once rather than at the next resync.
 *
 * <p>Only a watch brings that event, and a watch on Secrets cannot be narrowed to the referenced ones
 * (users do not label them for us), so the informer lists every Secret of the watched namespaces. Its
 * store keeps names and key names only ({@link SecretKeyNames}): no cache of values the operator never
 * needs. The reconcile reads that store too, so it needs no GET, and the RBAC list and watch only.
 * java-operator-sdk shares one store among the informers of all the namespaces an event source
 * watches, and each informer's relist would drop the others' entries: with several watched namespaces,
 * each gets an event source and a store of its own.
 */
final class ReferencedSecrets {
  private static final String NAME = "referenced-secrets";
  /** Key of the one event source that covers every watched namespace. */
  private static final String EVERY_NAMESPACE = "";

  private final Map<String, InformerEventSource<Secret, ObservabilityStack>> sources = new ConcurrentHashMap<>();

  List<EventSource<?, ObservabilityStack>> eventSources(EventSourceContext<ObservabilityStack> context) {
    var namespaces = context.getControllerConfiguration().getEffectiveNamespaces();
    if (namespaces.size() == 1) {
      sources.put(EVERY_NAMESPACE, source(context, NAME, null));
    } else {
      namespaces.forEach(namespace -> sources.put(namespace, source(context, NAME + "-" + namespace, namespace)));
    }
    return List.copyOf(sources.values());
  }

  /** The key names of each Secret the stack references that its namespace has; one it lacks is absent. */
  Map<String, Set<String>> keysFor(ObservabilityStack stack) {
    var namespace = stack.getMetadata().getNamespace();
    var source = sources.getOrDefault(namespace, sources.get(EVERY_NAMESPACE));
    var found = new LinkedHashMap<String, Set<String>>();
    for (var name : StackSecrets.secretNames(stack.getSpec())) {
      source.get(new ResourceID(name, namespace)).ifPresent(secret -> found.put(name, SecretKeyNames.of(secret)));
    }
    return found;
  }

  /** namespace null: the controller's namespaces. */
  private static InformerEventSource<Secret, ObservabilityStack> source(
      EventSourceContext<ObservabilityStack> context, String name, String namespace) {
    var configuration = InformerEventSourceConfiguration.from(Secret.class, ObservabilityStack.class)
        .withName(name)
        .withItemStore(new SecretKeyNames())
        .withSecondaryToPrimaryMapper(secret -> context.getPrimaryCache().list(secret.getMetadata().getNamespace())
            .filter(stack -> StackSecrets.secretNames(stack.getSpec()).contains(secret.getMetadata().getName()))
            .map(ResourceID::fromResource)
            .collect(Collectors.toSet()))
        // A new value under the same keys changes nothing the stack reports.
        .withOnUpdateFilter((now, before) -> !SecretKeyNames.of(now).equals(SecretKeyNames.of(before)));
    if (namespace == null) {
      configuration.withNamespacesInheritedFromController();
    } else {
      configuration.withNamespaces(namespace);
    }
    return new InformerEventSource<>(configuration.build(), context);
  }
}
