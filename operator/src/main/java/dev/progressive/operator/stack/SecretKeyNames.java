package dev.progressive.operator.stack;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The store of the Secret informer: of each Secret it keeps its identity and the names of its keys,
 * with empty values. Labels and annotations go too: kubectl's last-applied-configuration annotation
 * repeats the values. So no secret value outlives the watch event that brought it into the operator.
 */
final class SecretKeyNames extends BasicItemStore<Secret> {
  SecretKeyNames() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public Secret put(String key, Secret secret) {
    return super.put(key, reduced(secret));
  }

  /** The Secret's key names; the dev cluster keeps stringData as written, where an API server folds it into data. */
  static Set<String> of(Secret secret) {
    var keys = new TreeSet<String>();
    Optional.ofNullable(secret.getData()).map(Map::keySet).ifPresent(keys::addAll);
    Optional.ofNullable(secret.getStringData()).map(Map::keySet).ifPresent(keys::addAll);
    return keys;
  }

  static Secret reduced(Secret secret) {
    var metadata = secret.getMetadata();
    return new SecretBuilder()
        .withNewMetadata()
          .withName(metadata.getName()).withNamespace(metadata.getNamespace())
          .withUid(metadata.getUid()).withResourceVersion(metadata.getResourceVersion())
        .endMetadata()
        .withData(of(secret).stream().collect(Collectors.toMap(Function.identity(), k -> "")))
        .build();
  }
}
