package dev.progressive.runtime.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends Helidon's java.util.logging records to logback, so stdout holds only JSON lines. */
public final class JulBridge {
  private JulBridge() {
  }

  public static synchronized void install() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
