package dev.progressive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The line every benchmark prints first, so that figures are never read without their machine. */
public final class Machine {
  private Machine() {}

  public static String describe() {
    return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
        + memoryGiB() + " GiB memory, Java " + System.getProperty("java.vm.name") + " "
        + Runtime.version() + ", load average " + loadAverage() + " at start";
  }

  private static String cpuModel() {
    return procLines("/proc/cpuinfo").filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
  }

  private static String memoryGiB() {
    return procLines("/proc/meminfo").filter(l -> l.startsWith("MemTotal:"))
        .map(l -> String.format("%.1f", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
        .findFirst().orElse("unknown");
  }

  private static String loadAverage() {
    return procLines("/proc/loadavg").findFirst()
        .map(l -> String.join(" ", java.util.Arrays.copyOf(l.split(" "), 3))).orElse("unknown");
  }

  /** Resident set size of a process, from /proc; empty where there is no /proc. */
  public static Optional<Long> rssBytes(long pid) {
    return procLines("/proc/" + pid + "/status").filter(l -> l.startsWith("VmRSS:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst();
  }

  private static Stream<String> procLines(String file) {
    try {
      return Files.readAllLines(Path.of(file)).stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }
}
