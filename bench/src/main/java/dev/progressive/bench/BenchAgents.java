package dev.progressive.bench;

import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cli.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The agents a benchmark creates: copies of the NPA sample, so that they are what users apply. */
public final class BenchAgents {
  public static final String NAMESPACE = "bench";
  private static final Path SAMPLE = Path.of(System.getProperty("project.root", "."), "samples", "agent-npa.yaml");

  private BenchAgents() {}

  public static ProgressiveAgent agent(String namespace, int index) {
    ProgressiveAgent agent = sample();
    agent.getMetadata().setName(name(index));
    agent.getMetadata().setNamespace(namespace);
    return agent;
  }

  public static String name(int index) {
    return String.format("npa-%04d", index);
  }

  private static ProgressiveAgent sample() {
    try {
      return Manifests.convert(Manifests.read(SAMPLE).get(0), ProgressiveAgent.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SAMPLE + "; run from the repository root", e);
    }
  }
}
