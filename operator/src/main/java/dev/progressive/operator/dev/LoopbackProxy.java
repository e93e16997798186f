package dev.progressive.operator.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A TCP port on 127.0.0.1 that spreads connections round-robin over the ports its supplier names at
 * the time of each connection: what kube-proxy does for a Service. Like a Service, it balances
 * connections, not requests; a connection with no backend is closed at once.
 */
final class LoopbackProxy implements AutoCloseable {
  private final ServerSocket server;
  private final Supplier<List<Integer>> backends;
  private final AtomicInteger next = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  LoopbackProxy(Supplier<List<Integer>> backends) {
    this.backends = backends;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
    Thread.ofVirtual().name("proxy-" + server.getLocalPort()).start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        var client = server.accept();
        Thread.ofVirtual().start(() -> relay(client));
      } catch (IOException e) {
        // Closed: the loop ends.
      }
    }
  }

  private void relay(Socket client) {
    var ports = backends.get();
    if (ports.isEmpty()) {
      closeQuietly(client);
      return;
    }
    int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
    open.add(client);
    try (client; var backend = new Socket(InetAddress.getLoopbackAddress(), port)) {
      open.add(backend);
      var upstream = Thread.ofVirtual().start(() -> copy(client, backend));
      copy(backend, client);
      upstream.join();
    } catch (IOException e) {
      // The backend refused or went away: the caller sees its connection close, as with a dead pod.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.removeIf(Socket::isClosed);
    }
  }

  /** Copies until the source ends, then ends the target's output, so that half-closes pass through. */
  private static void copy(Socket from, Socket to) {
    // Not try-with-resources: closing a socket's stream closes the socket, and the other direction may go on.
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing left to do with it.
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing: nothing to report.
    }
    open.forEach(LoopbackProxy::closeQuietly);
  }
}
