package dev.progressive.operator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "dev", description = "Start an embedded Kubernetes API on 127.0.0.1 and run the operator against it.")
final class DevCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
