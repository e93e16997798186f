package dev.progressive.operator.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.Optional;

/**
 * A count given as a number or as a percentage of a total ("50%"), resolved as Kubernetes resolves it
 * (intstr.GetScaledValueFromIntOrPercent); each caller rounds the way its Kubernetes controller does.
 */
final class IntOrPercent {
  private IntOrPercent() {}

  /** The count {@code value} stands for out of {@code total}; empty for a value the API server would refuse. */
  static Optional<Integer> scaled(IntOrString value, int total, boolean roundUp) {
    if (value.getIntVal() != null) {
      return Optional.of(value.getIntVal());
    }
    if (!isPercent(value)) {
      return Optional.empty();
    }
    var text = value.getStrVal();
    long share = Long.parseLong(text.substring(0, text.length() - 1)) * total;
    return Optional.of((int) (roundUp ? (share + 99) / 100 : share / 100));
  }

  static boolean isPercent(IntOrString value) {
    return value.getIntVal() == null && value.getStrVal() != null && value.getStrVal().matches("\\d{1,9}%");
  }

  /** The value as its object spells it. */
  static String text(IntOrString value) {
    return value.getIntVal() != null ? String.valueOf(value.getIntVal()) : value.getStrVal();
  }
}
