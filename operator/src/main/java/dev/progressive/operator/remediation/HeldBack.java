package dev.progressive.operator.remediation;

import dev.progressive.operator.api.HeldBackAgent;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.Step;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The agents a step would act on but leaves alone, as its record says them. */
final class HeldBack {
  static final String NOT_HELD = "NotHeld";

  private HeldBack() {}

  /** The step's agents the run does not hold: held back when it started, or come since (never claimed). */
  static List<HeldBackAgent> of(IncidentRun run, Step step) {
    var held = run.status().getAgents();
    if (held == null) {
      return List.of();
    }
    return run.resolved(step).stream().map(ProgressiveAgent::getMetadata).map(m -> m.getName())
        .filter(name -> !held.contains(name))
        .map(name -> run.status().getHeldBack().stream().filter(h -> h.getAgent().equals(name)).findFirst()
            .orElseGet(() -> new HeldBackAgent(name, NOT_HELD, name + " came after the run started, so the run never claimed it")))
        .toList();
  }

  static String describe(Collection<HeldBackAgent> heldBack) {
    return heldBack.stream().map(h -> h.getAgent() + " (" + h.getReason() + ": " + h.getMessage() + ")")
        .collect(Collectors.joining("; "));
  }
}
