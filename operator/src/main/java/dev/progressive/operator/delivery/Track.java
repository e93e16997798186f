package dev.progressive.operator.delivery;

import dev.progressive.operator.api.ProgressiveAgent;

/**
 * Which pods of an agent run which template during a rollout: the canary runs the new one, the stable pods the
 * one before. Pods carry it as {@link #POD_LABEL}; scraping copies it into the target label {@link #TARGET_LABEL},
 * so that a query tells the two apart.
 */
public enum Track {
  CANARY("canary"), STABLE("stable");

  public static final String POD_LABEL = ProgressiveAgent.GROUP + "/track";
  public static final String TARGET_LABEL = "track";
  /** The pod label as Prometheus' Kubernetes discovery offers it to relabelling. */
  public static final String DISCOVERED_LABEL = "__meta_kubernetes_pod_label_progressive_dev_track";

  private final String value;

  Track(String value) {
    this.value = value;
  }

  /** The label value. */
  public String value() {
    return value;
  }
}
