package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** A status that reports through conditions, as the Kubernetes API conventions ask. */
public interface ConditionedStatus {
  List<Condition> getConditions();

  void setConditions(List<Condition> conditions);
}
