package dev.progressive.runtime.breaker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live breaker settings: env defaults, overridden by the mounted file when there is one.
 *
 * <p>The file is polled rather than watched: a ConfigMap volume updates by swapping a symlink,
 * which file watchers on the mount directory do not reliably report. Reading a few bytes once a
 * second costs nothing and also covers files edited in place.
 */
public final class BreakerSettingsSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BreakerSettingsSource.class);

  private final BreakerSettings defaults;
  private final Optional<Path> file;
  private final AtomicReference<BreakerSettings> current;
  private final AtomicReference<String> lastText = new AtomicReference<>();
  private final ScheduledExecutorService poller;

  public BreakerSettingsSource(BreakerSettings defaults, Optional<Path> file, Duration pollInterval) {
    this.defaults = defaults;
    this.file = file;
    this.current = new AtomicReference<>(defaults);
    if (file.isPresent()) {
      reload();
      poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
          .name("breaker-file-poll").factory());
      long millis = pollInterval.toMillis();
      poller.scheduleWithFixedDelay(this::reload, millis, millis, TimeUnit.MILLISECONDS);
    } else {
      poller = null;
    }
  }

  public BreakerSettings current() {
    return current.get();
  }

  private void reload() {
    Path path = file.orElseThrow();
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      text = "";
    } catch (IOException e) {
      LOG.warn("cannot read circuit breaker file {}, keeping the current settings: {}", path, e.toString());
      return;
    }
    if (text.equals(lastText.getAndSet(text))) {
      return;
    }
    try {
      BreakerSettings settings = BreakerFile.parse(text, defaults);
      BreakerSettings previous = current.getAndSet(settings);
      if (!settings.equals(previous)) {
        LOG.info("circuit breaker settings from {}: enabled={} threshold={} open={} retry_after={}s",
            path, settings.enabled(), settings.threshold(), settings.forcedOpen(),
            settings.retryAfter().toSeconds());
      }
    } catch (IllegalArgumentException e) {
      // A half-written or invalid file must not take the breakers down: keep what worked last.
      LOG.warn("ignoring invalid circuit breaker file {}: {}", path, e.getMessage());
    }
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }
}
