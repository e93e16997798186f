package dev.progressive.bench.alerts;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.Mitigation;
import dev.progressive.operator.api.StepAction;
import dev.progressive.operator.api.StepRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a storm must leave behind: one Incident per fingerprint, each step once, one scale per target. */
record StormAudit(int incidents, long fingerprints, long incidentsWithStepTwice, long incidentsMissingStep,
                  long targetsScaledTwiceByIncidents, long deploymentsRaisedTwice, long deploymentsScaled) {

  static StormAudit of(List<Incident> incidents, ScaleWatch watch, String namespace) {
    return new StormAudit(incidents.size(),
        incidents.stream().map(i -> i.getSpec().getFingerprint()).distinct().count(),
        incidents.stream().filter(i -> countSteps(i).values().stream().anyMatch(n -> n > 1)).count(),
        incidents.stream().filter(i -> !countSteps(i).keySet().containsAll(AlertScenario.STEPS)).count(),
        scaleMitigationsByAgent(incidents).values().stream().filter(n -> n > 1).count(),
        watch.duplicateScaleUps(namespace),
        watch.scaledTargets(namespace));
  }

  boolean clean(int expected) {
    return incidents == expected && fingerprints == expected && incidentsWithStepTwice == 0
        && incidentsMissingStep == 0 && targetsScaledTwiceByIncidents == 0 && deploymentsRaisedTwice == 0
        && deploymentsScaled == expected;
  }

  private static Map<StepAction, Long> countSteps(Incident incident) {
    List<StepRecord> steps = incident.getStatus() == null ? List.of() : incident.getStatus().getSteps();
    return steps.stream().collect(Collectors.groupingBy(StepRecord::getAction, Collectors.counting()));
  }

  private static Map<String, Long> scaleMitigationsByAgent(List<Incident> incidents) {
    return incidents.stream().filter(i -> i.getStatus() != null)
        .flatMap(i -> i.getStatus().getMitigations().stream())
        .filter(m -> m.getType() == Mitigation.Type.scale)
        .collect(Collectors.groupingBy(Mitigation::getAgent, Collectors.counting()));
  }

  @Override
  public String toString() {
    return String.format("Incidents %d, distinct fingerprints %d, Incidents with a step recorded twice %d, "
            + "with a step missing %d, targets with more than one scale mitigation %d, Deployments raised to the "
            + "scaled replicas more than once %d, Deployments scaled %d", incidents, fingerprints,
        incidentsWithStepTwice, incidentsMissingStep, targetsScaledTwiceByIncidents, deploymentsRaisedTwice,
        deploymentsScaled);
  }
}
