package dev.progressive.operator.remediation;

import dev.progressive.operator.api.HeldBackAgent;
import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The Detected phase's decision: which agent, which playbook, which agents the run acts on, and
 * whether the guardrails let it run at all.
 */
final class Detection {
  static final String NO_PLAYBOOK = "NoPlaybook";
  static final String UNKNOWN_AGENT = "UnknownAgent";
  static final String NO_TARGET = "NoTarget";
  static final String RUNNING = "PlaybookRunning";
  static final String RESOURCE_BUSY = "ResourceBusy";

  private Detection() {}

  /**
   * {@code agents}: those the run holds and acts on (for a dry run, would act on); {@code heldBack}: those it leaves alone, and why;
   * {@code claimed}: whether it may hold claims to give back.
   */
  record Decision(String target, Optional<RemediationPlaybook> playbook, boolean suppressed, String reason, String message,
      List<String> agents, List<HeldBackAgent> heldBack, boolean claimed) {
    static Decision suppressed(String target, Optional<RemediationPlaybook> playbook, String reason, String message) {
      return new Decision(target, playbook, true, reason, message, List.of(), List.of(), false);
    }
  }

  /**
   * Decides under a claim on every agent the run would act on, so that no two Incidents decide about
   * one agent at once; the guardrails then count the Incidents with every status this operator wrote. An
   * agent another run holds, or that the guardrails hold back, is left alone and recorded; the run goes
   * on with the rest, and is suppressed only when nothing is left.
   */
  static Decision decide(IncidentRun run, List<RemediationPlaybook> playbooks, AgentClaims claims,
      Supplier<Collection<Incident>> incidents, boolean globalDryRun) {
    var resolution = TargetResolver.resolve(run.incident().getSpec().getLabels(), run.agents());
    var target = resolution.agent().map(a -> a.getMetadata().getName()).orElse(null);
    if (resolution.named() && resolution.agent().isEmpty()) {
      return Decision.suppressed(null, Optional.empty(), UNKNOWN_AGENT, resolution.description());
    }
    var playbook = PlaybookMatcher.match(run.incident(), playbooks);
    if (playbook.isEmpty()) {
      return Decision.suppressed(target, playbook, NO_PLAYBOOK,
          "no RemediationPlaybook matches alert " + run.incident().getSpec().getAlertName());
    }
    if (target == null && needsTarget(playbook.get())) {
      return Decision.suppressed(null, playbook, NO_TARGET,
          resolution.description() + ", and playbook " + PlaybookMatcher.key(playbook.get()) + " acts on the alert's agent");
    }
    var actedOn = actedOn(run.agents(), playbook.get(), target);
    var heldBack = new ArrayList<HeldBackAgent>();
    claims.claimEach(run.incident(), actedOn, run.now()).forEach((agent, holder) -> heldBack.add(new HeldBackAgent(agent,
        RESOURCE_BUSY, "Incident " + holder + " holds agent " + agent + " until its run ends")));
    var free = new TreeSet<>(actedOn);
    heldBack.forEach(h -> free.remove(h.getAgent()));
    if (!actedOn.isEmpty() && free.isEmpty()) {
      // It claimed nothing, so it has nothing to give back: in a storm, the many that lose send no more requests.
      return new Decision(target, playbook, true, RESOURCE_BUSY, busyMessage(heldBack, target), List.of(), heldBack, false);
    }
    var verdict = GuardrailCheck.check(run.incident(), playbook.get(), target, free, incidents.get(), run.now(), globalDryRun);
    heldBack.addAll(verdict.heldBack());
    verdict.heldBack().forEach(h -> free.remove(h.getAgent()));
    if (verdict.suppression().isPresent()) {
      var s = verdict.suppression().get();
      return new Decision(target, playbook, true, s.reason(), s.message(), List.copyOf(free), heldBack, true);
    }
    return new Decision(target, playbook, false, RUNNING, "running playbook " + PlaybookMatcher.key(playbook.get())
        + (target == null ? "" : " on " + target + " (" + resolution.description() + ")")
        + (heldBack.isEmpty() ? "" : "; held back: " + HeldBack.describe(heldBack)), List.copyOf(free), heldBack, true);
  }

  private static String busyMessage(List<HeldBackAgent> heldBack, String target) {
    var first = heldBack.stream().filter(h -> h.getAgent().equals(target)).findFirst().orElse(heldBack.get(0));
    return first.getMessage() + (heldBack.size() > 1 ? ", and every other agent it would act on is held by a run too" : "")
        + "; this alert is recorded and acts on nothing";
  }

  /**
   * The agents the steps name: the alert's own agent for a step without agentTypes, and every agent of a
   * step's types. The alert's agent is not claimed for a playbook that never acts on it, so that the run
   * does not take, or lose, the agents it acts on beside one it never touches; a run whose steps name no
   * agent still holds the alert's own, so two alerts about one agent never decide at once.
   */
  static SortedSet<String> actedOn(List<ProgressiveAgent> agents, RemediationPlaybook playbook, String target) {
    var names = new TreeSet<String>();
    for (var step : playbook.getSpec().getSteps()) {
      if (step.getAgentTypes().isEmpty()) {
        Optional.ofNullable(target).ifPresent(names::add);
      } else {
        IncidentRun.ofTypes(agents, step.getAgentTypes()).forEach(a -> names.add(a.getMetadata().getName()));
      }
    }
    if (names.isEmpty() && target != null) {
      names.add(target);
    }
    return names;
  }

  /** A step without agentTypes acts on the alert's own agent, so the alert must name one. */
  private static boolean needsTarget(RemediationPlaybook playbook) {
    return playbook.getSpec().getSteps().stream().anyMatch(step -> step.getAgentTypes().isEmpty()
        && (step.getAction() == null || step.getAction().actsOnAgent()));
  }
}
