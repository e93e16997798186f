package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import java.util.Map;

/**
 * A garbage-collected dependent whose child converges exactly to its desired state
 * ({@link ChildConvergence}): java-operator-sdk's own matcher without server-side apply accepts a
 * child that holds more than desired, and its update only ever adds labels and annotations, so a
 * removed env var, a label the operator no longer wants or a dropped rule would stay forever. Updates
 * are full replaces carrying the child's resourceVersion, never merge patches (which keep or, on
 * some servers, append list items). No child is written once the controller stopped
 * ({@link ControllerStopped}).
 */
public abstract class ConvergingDependent<R extends HasMetadata, P extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, P> {

  protected ConvergingDependent(Class<R> resourceType) {
    super(resourceType);
  }

  @Override
  public R create(R desired, P primary, Context<P> context) {
    ControllerStopped.refuseIfStopped(primary, context);
    return super.create(read(ChildConvergence.created(tree(desired, context)), desired, context), primary, context);
  }

  @Override
  public R update(R actual, R desired, P primary, Context<P> context) {
    ControllerStopped.refuseIfStopped(primary, context);
    var target = read(ChildConvergence.updated(tree(actual, context), tree(desired, context)), desired, context);
    addMetadata(false, actual, target, primary, context);
    return prepare(context, target, primary, "Updating").update();
  }

  @Override
  protected void handleDelete(P primary, R secondary, Context<P> context) {
    ControllerStopped.refuseIfStopped(primary, context);
    super.handleDelete(primary, secondary, context);
  }

  @Override
  public Result<R> match(R actual, R desired, P primary, Context<P> context) {
    return Result.computed(ChildConvergence.matches(tree(actual, context), tree(desired, context)), desired);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(HasMetadata resource, Context<?> context) {
    return context.getClient().getKubernetesSerialization().convertValue(resource, Map.class);
  }

  @SuppressWarnings("unchecked")
  private static <R extends HasMetadata> R read(Map<String, Object> tree, R like, Context<?> context) {
    return (R) context.getClient().getKubernetesSerialization().convertValue(tree, like.getClass());
  }
}
