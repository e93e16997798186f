package dev.progressive.operator.common;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks of the Kubernetes "restricted" Pod Security Standard (baseline included), as the
 * admission controller applies them, returning what a pod spec violates.
 */
public final class RestrictedPodSecurityStandard {
  private static final Set<String> ALLOWED_VOLUMES =
      Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

  private RestrictedPodSecurityStandard() {}

  public static List<String> violations(PodSpec pod) {
    var found = new ArrayList<String>();
    if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
      found.add("host namespaces are shared");
    }
    var podContext = Optional.ofNullable(pod.getSecurityContext());
    boolean podNonRoot = podContext.map(c -> Boolean.TRUE.equals(c.getRunAsNonRoot())).orElse(false);
    boolean podSeccomp = podContext.map(c -> c.getSeccompProfile()).map(p -> isAllowedSeccomp(p.getType())).orElse(false);
    if (podContext.map(c -> c.getRunAsUser()).filter(uid -> uid == 0).isPresent()) {
      found.add("pod runs as uid 0");
    }
    pod.getVolumes().forEach(volume -> {
      var used = volume.getAdditionalProperties().keySet();
      if (volume.getHostPath() != null || volume.getNfs() != null || volume.getIscsi() != null) {
        found.add("volume " + volume.getName() + " has a forbidden type");
      }
      used.stream().filter(type -> !ALLOWED_VOLUMES.contains(type))
          .forEach(type -> found.add("volume " + volume.getName() + " has type " + type));
    });
    Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
        .forEach(container -> found.addAll(containerViolations(container, podNonRoot, podSeccomp)));
    return found;
  }

  private static List<String> containerViolations(Container container, boolean podNonRoot, boolean podSeccomp) {
    var found = new ArrayList<String>();
    var name = "container " + container.getName() + ": ";
    var context = container.getSecurityContext();
    if (context == null) {
      found.add(name + "no securityContext");
      return found;
    }
    if (Boolean.TRUE.equals(context.getPrivileged())) {
      found.add(name + "privileged");
    }
    if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
      found.add(name + "allowPrivilegeEscalation must be false");
    }
    if (!(Boolean.TRUE.equals(context.getRunAsNonRoot()) || (podNonRoot && context.getRunAsNonRoot() == null))) {
      found.add(name + "runAsNonRoot must be true");
    }
    if (context.getRunAsUser() != null && context.getRunAsUser() == 0) {
      found.add(name + "runs as uid 0");
    }
    boolean seccomp = context.getSeccompProfile() == null ? podSeccomp : isAllowedSeccomp(context.getSeccompProfile().getType());
    if (!seccomp) {
      found.add(name + "seccompProfile must be RuntimeDefault or Localhost");
    }
    var caps = context.getCapabilities();
    if (caps == null || !caps.getDrop().contains("ALL")) {
      found.add(name + "capabilities must drop ALL");
    }
    if (caps != null && caps.getAdd().stream().anyMatch(cap -> !cap.equals("NET_BIND_SERVICE"))) {
      found.add(name + "may add only NET_BIND_SERVICE");
    }
    if (container.getPorts().stream().anyMatch(p -> p.getHostPort() != null && p.getHostPort() != 0)) {
      found.add(name + "uses a host port");
    }
    return found;
  }

  private static boolean isAllowedSeccomp(String type) {
    return "RuntimeDefault".equals(type) || "Localhost".equals(type);
  }
}
