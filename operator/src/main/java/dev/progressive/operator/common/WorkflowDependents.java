package dev.progressive.operator.common;

import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import java.util.Arrays;
import java.util.List;

/** The dependents a reconciler's workflow declares, made as java-operator-sdk makes them: the one list of its children. */
public final class WorkflowDependents {
  private WorkflowDependents() {}

  /** One of each dependent of {@code reconciler}'s {@link Workflow} that is a {@code kind}, in declaration order. */
  public static <D> List<D> of(Class<?> reconciler, Class<D> kind) {
    return Arrays.stream(reconciler.getAnnotation(Workflow.class).dependents())
        .<Class<?>>map(Dependent::type)
        .filter(kind::isAssignableFrom)
        .map(type -> kind.cast(instance(type)))
        .toList();
  }

  private static Object instance(Class<?> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the workflow's dependent " + type.getName() + " cannot be made", e);
    }
  }
}
