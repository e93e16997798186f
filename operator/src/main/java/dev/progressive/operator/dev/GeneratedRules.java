package dev.progressive.operator.dev;

import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.monitoring.RuleFile;
import java.util.function.Function;

/**
 * The rules the operator generates for an agent and for a stack, as the wiring hands them to the local
 * Prometheus: the dev cluster stands in for a cluster and knows no feature of the operator itself.
 */
public record GeneratedRules(Function<ProgressiveAgent, RuleFile> agent, Function<ObservabilityStack, RuleFile> stack) {}
