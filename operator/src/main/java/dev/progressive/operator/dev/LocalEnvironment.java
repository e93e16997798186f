package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The environment of one replica run as a local process: the pod template's env, with what only a
 * cluster provides replaced by its local stand-in. Service URLs in {@code AGENT_UPSTREAMS} become the
 * Services' loopback proxies; paths under a mounted ConfigMap become files of its local copy; the port
 * is the replica's own; fault injection is on, for trying incidents out.
 */
final class LocalEnvironment {
  private static final Logger LOG = LoggerFactory.getLogger(LocalEnvironment.class);

  private final LocalServices services;
  private final ConfigMapFiles configMaps;

  LocalEnvironment(LocalServices services, ConfigMapFiles configMaps) {
    this.services = services;
    this.configMaps = configMaps;
  }

  Map<String, String> of(Deployment deployment, String pod, int port) {
    var namespace = deployment.getMetadata().getNamespace();
    var podSpec = deployment.getSpec().getTemplate().getSpec();
    var container = podSpec.getContainers().get(0);
    var mounts = configMapMounts(namespace, deployment, container);
    var env = new LinkedHashMap<String, String>();
    for (var variable : container.getEnv()) {
      value(variable, namespace, pod).ifPresent(value -> env.put(variable.getName(), local(value, mounts)));
    }
    Optional.ofNullable(env.get("AGENT_UPSTREAMS")).ifPresent(list -> env.put("AGENT_UPSTREAMS", upstreams(list, namespace)));
    // Sized for a container's memory limit; the launcher sets small heaps instead.
    env.remove("JAVA_TOOL_OPTIONS");
    env.put("AGENT_HOST", "127.0.0.1");
    env.put("AGENT_PORT", String.valueOf(port));
    env.put("FAULT_INJECTION_ENABLED", "true");
    return env;
  }

  /** Mount path to local directory, for each ConfigMap volume the container mounts. */
  private Map<String, String> configMapMounts(String namespace, Deployment deployment, Container container) {
    var volumes = deployment.getSpec().getTemplate().getSpec().getVolumes();
    var mounts = new LinkedHashMap<String, String>();
    for (var mount : container.getVolumeMounts()) {
      volumes.stream()
          .filter(v -> v.getName().equals(mount.getName()) && v.getConfigMap() != null)
          .findFirst()
          .ifPresent(v -> mounts.put(mount.getMountPath(),
              configMaps.directory(namespace, v.getConfigMap().getName()).toString()));
    }
    return mounts;
  }

  private static String local(String value, Map<String, String> mounts) {
    return mounts.entrySet().stream()
        .filter(m -> value.equals(m.getKey()) || value.startsWith(m.getKey() + "/"))
        .findFirst()
        .map(m -> m.getValue() + value.substring(m.getKey().length()))
        .orElse(value);
  }

  private static Optional<String> value(EnvVar variable, String namespace, String pod) {
    if (variable.getValueFrom() == null) {
      return Optional.ofNullable(variable.getValue());
    }
    var field = Optional.ofNullable(variable.getValueFrom().getFieldRef()).map(f -> f.getFieldPath()).orElse("");
    return switch (field) {
      case "metadata.name" -> Optional.of(pod);
      case "metadata.namespace" -> Optional.of(namespace);
      case "status.podIP", "status.hostIP" -> Optional.of("127.0.0.1");
      default -> {
        LOG.warn("Local process {} runs without {}: only fieldRefs to the pod's name, namespace and IPs are resolved",
            pod, variable.getName());
        yield Optional.empty();
      }
    };
  }

  /** {@code name=http://npa:8080} becomes {@code name=<the npa Service's loopback proxy>}. */
  private String upstreams(String list, String namespace) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .map(entry -> {
          int equals = entry.indexOf('=');
          return entry.substring(0, equals + 1) + serviceUrl(entry.substring(equals + 1), namespace);
        })
        .collect(Collectors.joining(","));
  }

  /** A URL whose host is a Service's DNS name ({@code npa}, {@code npa.team-a}, {@code npa.team-a.svc...}). */
  private String serviceUrl(String url, String namespace) {
    var uri = URI.create(url);
    var host = Optional.ofNullable(uri.getHost()).orElse("");
    if (host.isEmpty() || host.equals("localhost") || Character.isDigit(host.charAt(0))) {
      return url;
    }
    var parts = host.split("\\.");
    var address = services.address(parts.length > 1 ? parts[1] : namespace, parts[0]);
    return address + Optional.ofNullable(uri.getRawPath()).orElse("");
  }
}
