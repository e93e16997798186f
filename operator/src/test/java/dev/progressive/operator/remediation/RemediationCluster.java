package dev.progressive.operator.remediation;

import dev.progressive.operator.OperatorHarness;
import dev.progressive.operator.ProgressiveOperator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The operator on the embedded API with its alert intake served, and an Alertmanager-shaped sender for it. */
record RemediationCluster(OperatorHarness harness, AlertmanagerSender alertmanager, Path tokenFile)
    implements AutoCloseable {
  static final String TOKEN = "test-token";

  static RemediationCluster start(Path tokenDir) throws IOException {
    return start(tokenDir, ProgressiveOperator.Settings.embedded());
  }

  static RemediationCluster start(Path tokenDir, ProgressiveOperator.Settings settings) throws IOException {
    var harness = OperatorHarness.start(settings);
    var tokenFile = Files.writeString(tokenDir.resolve("token"), TOKEN);
    return new RemediationCluster(harness, new AlertmanagerSender(harness.startIntake(tokenFile), TOKEN), tokenFile);
  }

  /** After {@code harness().stopOperator()}: the operator and its intake again, the intake on a new port. */
  RemediationCluster startOperatorAgain() {
    harness.startOperator();
    return new RemediationCluster(harness, new AlertmanagerSender(harness.startIntake(tokenFile), TOKEN), tokenFile);
  }

  RemediationFixture fixture(String namespace) {
    return new RemediationFixture(harness, alertmanager, namespace);
  }

  @Override
  public void close() {
    harness.close();
  }
}
