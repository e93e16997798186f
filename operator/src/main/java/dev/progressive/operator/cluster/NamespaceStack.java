package dev.progressive.operator.cluster;

import dev.progressive.operator.api.ObservabilityStack;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ObservabilityStack that governs a namespace, read from a reconciler's stack informer. A
 * namespace should hold one; if it holds several, the oldest governs, so the choice does not flap.
 */
public final class NamespaceStack {
  private NamespaceStack() {}

  public static <P extends HasMetadata> Optional<ObservabilityStack> of(Context<P> context, String namespace) {
    var stacks = (InformerEventSource<ObservabilityStack, P>) context.eventSourceRetriever().getEventSourceFor(ObservabilityStack.class);
    return governing(stacks.list(namespace));
  }

  public static Optional<ObservabilityStack> governing(Stream<ObservabilityStack> stacks) {
    return stacks.min(Comparator.comparing((ObservabilityStack s) -> s.getMetadata().getCreationTimestamp(),
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(s -> s.getMetadata().getName()));
  }
}
