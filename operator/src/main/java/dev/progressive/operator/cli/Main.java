package dev.progressive.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "progressive-operator",
    mixinStandardHelpOptions = true,
    description = "Runs ProgressiveAgents with their monitoring and automatic incident response.",
    subcommands = {RunCommand.class, RenderCommand.class, DevCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
