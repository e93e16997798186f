package dev.progressive.operator.remediation;

import dev.progressive.operator.OperatorHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The operator on the embedded API with its alert intake served, and an Alertmanager-shaped sender for it. */
record RemediationCluster(OperatorHarness harness, AlertmanagerSender alertmanager) implements AutoCloseable {
  private static final String TOKEN = "test-token";

  static RemediationCluster start(Path tokenDir) throws IOException {
    var harness = OperatorHarness.start();
    var tokenFile = Files.writeString(tokenDir.resolve("token"), TOKEN);
    return new RemediationCluster(harness, new AlertmanagerSender(harness.startIntake(tokenFile), TOKEN));
  }

  RemediationFixture fixture(String namespace) {
    return new RemediationFixture(harness, alertmanager, namespace);
  }

  @Override
  public void close() {
    harness.close();
  }
}
