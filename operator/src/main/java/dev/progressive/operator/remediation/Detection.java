package dev.progressive.operator.remediation;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The Detected phase's decision: which agent, which playbook, and whether the guardrails let it run. */
final class Detection {
  static final String NO_PLAYBOOK = "NoPlaybook";
  static final String UNKNOWN_AGENT = "UnknownAgent";
  static final String NO_TARGET = "NoTarget";
  static final String RUNNING = "PlaybookRunning";

  private Detection() {}

  static final String RESOURCE_BUSY = "ResourceBusy";

  record Decision(String target, Optional<RemediationPlaybook> playbook, boolean suppressed, String reason, String message,
      boolean claimed) {
    Decision(String target, Optional<RemediationPlaybook> playbook, boolean suppressed, String reason, String message) {
      this(target, playbook, suppressed, reason, message, false);
    }
  }

  /**
   * Decides under a claim on every agent the run would act on, so that no two Incidents decide about
   * one agent at once; the guardrails then count the Incidents as the API has them, not a cache.
   */
  static Decision decide(IncidentRun run, List<RemediationPlaybook> playbooks, AgentClaims claims,
      Supplier<Collection<Incident>> incidents, boolean globalDryRun) {
    var resolution = TargetResolver.resolve(run.incident().getSpec().getLabels(), run.agents());
    var target = resolution.agent().map(a -> a.getMetadata().getName()).orElse(null);
    if (resolution.named() && resolution.agent().isEmpty()) {
      return new Decision(null, Optional.empty(), true, UNKNOWN_AGENT, resolution.description());
    }
    var playbook = PlaybookMatcher.match(run.incident(), playbooks);
    if (playbook.isEmpty()) {
      return new Decision(target, playbook, true, NO_PLAYBOOK,
          "no RemediationPlaybook matches alert " + run.incident().getSpec().getAlertName());
    }
    if (target == null && needsTarget(playbook.get())) {
      return new Decision(null, playbook, true, NO_TARGET,
          resolution.description() + ", and playbook " + PlaybookMatcher.key(playbook.get()) + " acts on the alert's agent");
    }
    var busy = claims.claimAll(run.incident(), actedOn(run.agents(), playbook.get(), target), run.now());
    if (busy.isPresent()) {
      return new Decision(target, playbook, true, RESOURCE_BUSY, "Incident " + busy.get().holder()
          + " holds agent " + busy.get().agent() + " until its run ends; this alert is recorded and acts on nothing");
    }
    var suppression = GuardrailCheck.check(run.incident(), playbook.get(), target, incidents.get(), run.now(), globalDryRun);
    return suppression
        .map(s -> new Decision(target, playbook, true, s.reason(), s.message(), true))
        .orElseGet(() -> new Decision(target, playbook, false, RUNNING,
            "running playbook " + PlaybookMatcher.key(playbook.get())
                + (target == null ? "" : " on " + target + " (" + resolution.description() + ")"), true));
  }

  /** The alert's own agent and every agent a step picks by type. */
  static SortedSet<String> actedOn(List<ProgressiveAgent> agents, RemediationPlaybook playbook, String target) {
    var names = new TreeSet<String>();
    if (target != null) {
      names.add(target);
    }
    for (var step : playbook.getSpec().getSteps()) {
      IncidentRun.ofTypes(agents, step.getAgentTypes()).forEach(a -> names.add(a.getMetadata().getName()));
    }
    return names;
  }

  /** A step without agentTypes acts on the alert's own agent, so the alert must name one. */
  private static boolean needsTarget(RemediationPlaybook playbook) {
    return playbook.getSpec().getSteps().stream().anyMatch(step -> step.getAgentTypes().isEmpty()
        && (step.getAction() == null || step.getAction().actsOnAgent()));
  }
}
