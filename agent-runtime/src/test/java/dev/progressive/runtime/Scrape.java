package dev.progressive.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code /metrics} answer: the samples, each with its name, labels and value. */
public record Scrape(String text, List<Sample> samples) {
  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  public record Sample(String name, Map<String, String> labels, double value) {
  }

  public static Scrape of(URI agent) {
    Http.Reply reply = Http.get(agent, "/metrics");
    if (reply.status() != 200) {
      throw new IllegalStateException("scrape failed: " + reply.status());
    }
    List<Sample> samples = new ArrayList<>();
    for (String line : reply.body().split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalStateException("unparsable metrics line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
    }
    return new Scrape(reply.body(), samples);
  }

  public List<Sample> named(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The value of the one sample with this name whose labels include the given ones. */
  public double value(String name, Map<String, String> labels) {
    List<Sample> matching = named(name).stream()
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
    if (matching.size() != 1) {
      throw new AssertionError(matching.size() + " samples of " + name + " match " + labels + " in\n" + text);
    }
    return matching.get(0).value();
  }
}
