package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard {@code app.kubernetes.io/*} labels every child carries. They are built from scratch,
 * never copied from the parent, so that Argo CD's tracking label and annotation stay on the object
 * Argo CD applied and never mark our children as its own.
 */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String PART_OF_VALUE = "progressive-framework";
  public static final String MANAGER = "progressive-operator";
  /**
   * Selects what this operator manages. Every informer of children filters by it, so that the
   * operator caches its own objects, not every Deployment, Service and ConfigMap of the cluster.
   */
  public static final String OURS = MANAGED_BY + "=" + MANAGER;

  private Labels() {}

  /** Labels that identify the pods of one owner; stable for the owner's life (selectors use them). */
  public static Map<String, String> selector(String name, HasMetadata owner) {
    var labels = new LinkedHashMap<String, String>();
    labels.put(NAME, name);
    labels.put(INSTANCE, owner.getMetadata().getName());
    return labels;
  }

  public static Map<String, String> standard(String name, String component, HasMetadata owner) {
    var labels = selector(name, owner);
    labels.put(COMPONENT, component);
    labels.put(PART_OF, PART_OF_VALUE);
    labels.put(MANAGED_BY, MANAGER);
    return labels;
  }
}
