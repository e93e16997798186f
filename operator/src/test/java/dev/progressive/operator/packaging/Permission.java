package dev.progressive.operator.packaging;

import java.util.Comparator;

/** One RBAC grant: a verb on a resource (or subresource, as "progressiveagents/status") of an API group. */
record Permission(String group, String resource, String verb) implements Comparable<Permission> {
  private static final Comparator<Permission> ORDER = Comparator.comparing(Permission::group)
      .thenComparing(Permission::resource).thenComparing(Permission::verb);

  @Override
  public int compareTo(Permission other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return verb + " " + (group.isEmpty() ? "core" : group) + " " + resource;
  }
}
