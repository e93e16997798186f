package dev.progressive.operator.cli;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "progressive-operator",
    mixinStandardHelpOptions = true,
    description = "Runs ProgressiveAgents with their monitoring and automatic incident response.",
    subcommands = {RunCommand.class, RenderCommand.class, DevCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::oneLine);
  }

  /** A failed command says what failed in one line; the stack trace is for the log, at debug level. */
  private static int oneLine(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    LoggerFactory.getLogger(Main.class).debug("{} failed", command.getCommandName(), e);
    var message = new StringBuilder(command.getCommandName()).append(": ");
    message.append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
    command.getErr().println(message);
    return 1;
  }
}
