package dev.progressive.operator.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free ports on 127.0.0.1 for processes that must be told their port before they start. */
final class LoopbackPorts {
  private LoopbackPorts() {}

  /** A port that was free a moment ago; another process could take it first, which then fails to start. */
  static int free() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
