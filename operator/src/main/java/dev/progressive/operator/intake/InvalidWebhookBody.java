package dev.progressive.operator.intake;

/** A webhook body that cannot be taken; the message names the field, for the sender's 400. */
final class InvalidWebhookBody extends RuntimeException {
  InvalidWebhookBody(String message) {
    super(message);
  }
}
