package dev.progressive.operator.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;

/**
 * The base of the project's custom resources. Their spec and status are read leniently
 * ({@link LenientResourceReader}): an unknown field, an unknown enum value or a wrongly typed value
 * becomes a {@link SpecViolation} of this one resource instead of a failed informer, which would stop
 * the operator for every resource it serves. This happens under version skew (a newer CRD applied
 * before the operator is upgraded) and where a CRD was installed without its schema.
 */
@JsonDeserialize(using = LenientResourceReader.class)
public abstract class ProgressiveResource<S, T> extends CustomResource<S, T> {
  @JsonIgnore
  private List<SpecViolation> unreadable = List.of();

  /** What could not be read, in the spec or the status; the fields concerned were left at their defaults. */
  @JsonIgnore
  public List<SpecViolation> unreadable() {
    return unreadable;
  }

  /** What could not be read in the spec: a resource with any is InvalidSpec and is acted on by nothing. */
  @JsonIgnore
  public List<SpecViolation> unreadableSpec() {
    return unreadable.stream().filter(v -> v.field().startsWith(LenientResourceReader.SPEC)).toList();
  }

  @JsonIgnore
  public boolean readable() {
    return unreadable.isEmpty();
  }

  void unreadable(List<SpecViolation> violations) {
    this.unreadable = List.copyOf(violations);
  }
}
