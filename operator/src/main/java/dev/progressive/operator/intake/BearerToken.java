package dev.progressive.operator.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token Alertmanager must present, read from a file (a mounted Secret) and read again whenever the
 * file changes, so that rotating the Secret needs no restart.
 */
public final class BearerToken {
  private static final Logger LOG = LoggerFactory.getLogger(BearerToken.class);
  private static final String SCHEME = "Bearer ";

  private final Path file;
  private volatile Snapshot current;

  /** The token's digest, never the token itself, and the file's time when it was read. */
  private record Snapshot(FileTime modified, byte[] digest) {}

  private BearerToken(Path file, Snapshot current) {
    this.file = file;
    this.current = current;
  }

  /**
   * @throws IllegalArgumentException when the file cannot be read or holds no token: the operator should
   *     not start with an intake nobody can authenticate to
   */
  public static BearerToken fromFile(Path file) {
    try {
      return new BearerToken(file, read(file));
    } catch (IOException e) {
      var reason = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
      throw new IllegalArgumentException("cannot read the webhook token file " + file + ": " + reason, e);
    }
  }

  /** The token of an {@code Authorization: Bearer <token>} header, if the header is one. */
  public static Optional<String> fromHeader(Optional<String> authorization) {
    return authorization
        .filter(value -> value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
        .map(value -> value.substring(SCHEME.length()).trim())
        .filter(token -> !token.isEmpty());
  }

  /** Whether {@code presented} is the current token, in time that does not depend on where they differ. */
  public boolean matches(String presented) {
    refresh();
    // Digests have one length, so the comparison reveals neither the token's length nor its prefix.
    return MessageDigest.isEqual(sha256(presented), current.digest());
  }

  private void refresh() {
    try {
      if (!Files.getLastModifiedTime(file).equals(current.modified())) {
        current = read(file);
        LOG.info("Read the rotated webhook token from {}", file);
      }
    } catch (IOException e) {
      // A Secret volume swaps its files while it updates: keep the last token until the new one is there.
      LOG.warn("Cannot read the webhook token file {}, keeping the previous token: {}", file, e.getMessage());
    }
  }

  private static Snapshot read(Path file) throws IOException {
    var modified = Files.getLastModifiedTime(file);
    var token = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      throw new IOException("the file is empty");
    }
    return new Snapshot(modified, sha256(token));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
