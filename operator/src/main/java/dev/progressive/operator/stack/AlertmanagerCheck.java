package dev.progressive.operator.stack;

import java.util.Optional;

/**
 * What the stack's Alertmanager said about the operator's webhook receiver.
 *
 * @param missingReceiver the receiver Alertmanager's configuration lacks, when it answered without it
 * @param note what the AlertPath message adds: why Alertmanager could not be asked, else nothing
 */
record AlertmanagerCheck(Optional<String> missingReceiver, String note) {
  /** No spec.alerting.alertmanagerUrl, or Alertmanager holds the receiver: the heartbeat alone decides. */
  static final AlertmanagerCheck NOTHING_TO_ADD = new AlertmanagerCheck(Optional.empty(), "");

  static AlertmanagerCheck missing(String receiver) {
    return new AlertmanagerCheck(Optional.of(receiver), "");
  }

  static AlertmanagerCheck unreachable(String url, String cause) {
    return new AlertmanagerCheck(Optional.empty(), "; Alertmanager at " + url + " was unreachable (" + cause + ")");
  }
}
