package dev.progressive.operator.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokenTest {
  @TempDir Path dir;

  @Test
  void matchesOnlyTheTokenOfTheFileWithoutItsTrailingNewline() throws Exception {
    var token = BearerToken.fromFile(Files.writeString(dir.resolve("token"), "s3cret-token\n"));

    assertThat(token.matches("s3cret-token")).isTrue();
    assertThat(token.matches("s3cret-toke")).isFalse();
    assertThat(token.matches("s3cret-token2")).isFalse();
    assertThat(token.matches("")).isFalse();
  }

  @Test
  void readsTheFileAgainWhenTheSecretIsRotated() throws Exception {
    var file = Files.writeString(dir.resolve("token"), "old");
    var token = BearerToken.fromFile(file);
    assertThat(token.matches("old")).isTrue();

    // As the kubelet updates a Secret volume: a new file moved into place.
    var next = Files.writeString(dir.resolve("token.next"), "new");
    Files.setLastModifiedTime(next, FileTime.from(Instant.now().plusSeconds(1)));
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    assertThat(token.matches("new")).isTrue();
    assertThat(token.matches("old")).isFalse();
  }

  @Test
  void keepsThePreviousTokenWhileTheFileIsMissingOrEmpty() throws Exception {
    var file = Files.writeString(dir.resolve("token"), "kept");
    var token = BearerToken.fromFile(file);

    Files.delete(file);
    assertThat(token.matches("kept")).isTrue();

    Files.writeString(file, "  \n");
    assertThat(token.matches("kept")).isTrue();
    assertThat(token.matches("")).isFalse();
  }

  @Test
  void refusesToStartWithoutAToken() throws Exception {
    assertThatThrownBy(() -> BearerToken.fromFile(dir.resolve("absent")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read the webhook token file " + dir.resolve("absent") + ": no such file");
    var empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> BearerToken.fromFile(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("the file is empty");
  }

  @Test
  void takesTheTokenFromABearerAuthorizationHeader() {
    assertThat(BearerToken.fromHeader(Optional.of("Bearer abc"))).contains("abc");
    assertThat(BearerToken.fromHeader(Optional.of("bearer  abc "))).contains("abc");
    assertThat(BearerToken.fromHeader(Optional.of("Basic YWxhZGRpbjpvcGVuc2VzYW1l"))).isEmpty();
    assertThat(BearerToken.fromHeader(Optional.of("Bearer "))).isEmpty();
    assertThat(BearerToken.fromHeader(Optional.of("Bearerabc"))).isEmpty();
    assertThat(BearerToken.fromHeader(Optional.empty())).isEmpty();
  }
}
