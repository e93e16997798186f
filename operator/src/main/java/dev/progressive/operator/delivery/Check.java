package dev.progressive.operator.delivery;

/** One check of a step: the instant query to run, the threshold its answer is held to, and the window it covers. */
public record Check(CheckKind kind, String query, double threshold, String window) {}
