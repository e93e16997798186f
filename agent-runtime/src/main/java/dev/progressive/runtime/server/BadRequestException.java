package dev.progressive.runtime.server;

/** A request the agent cannot serve as sent; the answer is a 400 that names the offending field. */
public final class BadRequestException extends RuntimeException {
  private final String field;

  public BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
