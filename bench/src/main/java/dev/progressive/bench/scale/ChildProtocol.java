package dev.progressive.bench.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The child side of the line protocol: one command per line on stdin, one answer per line on stdout.
 * Logs go to stderr, so stdout carries answers only. A closed stdin means the parent is gone: stop.
 */
final class ChildProtocol {
  private ChildProtocol() {}

  static void serve(String greeting, Function<String, String> answer) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(greeting);
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String command = in.readLine(); command != null && !command.equals("stop"); command = in.readLine()) {
      out.println(answer.apply(command));
    }
  }

  /** Heap in use after full collections: what the process keeps, not what it has yet to collect. */
  static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
