package dev.progressive.operator;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A person's edit of a resource the operator also writes (its status): read, change, write back at the version
 * read; when the operator's write came in between (409 Conflict), read and change again, as one does after
 * kubectl says the object has been modified.
 */
public final class UserEdits {
  private static final int CONFLICT = 409;

  private UserEdits() {}

  public static <T> T edit(Supplier<T> edit) {
    return await().atMost(Duration.ofSeconds(10))
        .ignoreExceptionsMatching(e -> e instanceof KubernetesClientException api && api.getCode() == CONFLICT)
        .until(edit::get, result -> true);
  }
}
