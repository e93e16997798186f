package dev.progressive.operator.dev;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ConfigMaps as local directories, one file per key, kept in step with the API as the kubelet keeps a
 * ConfigMap volume: a process that reads its mounted file live (the agent's breaker file) sees an
 * update without a restart. Files are replaced atomically, so a reader never sees half a file.
 */
final class ConfigMapFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapFiles.class);

  private final Path root;
  private final Set<String> mounted = ConcurrentHashMap.newKeySet();
  private final SharedIndexInformer<ConfigMap> configMaps;

  ConfigMapFiles(KubernetesClient client, Path root) {
    this.root = root;
    // The kubelet keeps the last content of a deleted ConfigMap in a running pod; so does this.
    this.configMaps = client.configMaps().inAnyNamespace().inform(new OnLatestState<>(this::writeIfMounted), 0);
  }

  /** The directory that holds the ConfigMap's keys; empty until the ConfigMap exists. */
  Path directory(String namespace, String name) {
    mounted.add(namespace + "/" + name);
    var directory = directoryOf(namespace, name);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    Optional.ofNullable(configMaps.getStore().getByKey(namespace + "/" + name)).ifPresent(this::write);
    return directory;
  }

  private void writeIfMounted(ConfigMap configMap) {
    if (mounted.contains(configMap.getMetadata().getNamespace() + "/" + configMap.getMetadata().getName())) {
      write(configMap);
    }
  }

  private synchronized void write(ConfigMap configMap) {
    var directory = directoryOf(configMap.getMetadata().getNamespace(), configMap.getMetadata().getName());
    var data = Optional.ofNullable(configMap.getData()).orElse(Map.of());
    try {
      Files.createDirectories(directory);
      for (var entry : data.entrySet()) {
        var file = directory.resolve(entry.getKey());
        if (Files.exists(file) && Files.readString(file).equals(entry.getValue())) {
          continue;
        }
        var temporary = Files.writeString(directory.resolve("." + entry.getKey() + ".tmp"), entry.getValue());
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("Cannot write ConfigMap {} to {}", configMap.getMetadata().getName(), directory, e);
    }
  }

  private Path directoryOf(String namespace, String name) {
    return root.resolve(namespace).resolve(name);
  }

  @Override
  public void close() {
    configMaps.close();
  }
}
