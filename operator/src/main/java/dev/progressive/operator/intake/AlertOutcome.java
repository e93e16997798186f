package dev.progressive.operator.intake;

import java.util.List;

/** One alert of a notification and the Incidents it created or ended: the body of the 200 answer. */
public record AlertOutcome(String fingerprint, String status, AlertResult result, String namespace, List<String> incidents) {}
