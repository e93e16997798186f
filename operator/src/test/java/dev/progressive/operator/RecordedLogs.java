package dev.progressive.operator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the operator logged while a test ran, from the root logger: a failure inside a reconcile only
 * shows there (java-operator-sdk logs it and retries), so tests that say "no failure" look here.
 */
public final class RecordedLogs implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private RecordedLogs() {
    appender.start();
    root.addAppender(appender);
  }

  public static RecordedLogs start() {
    return new RecordedLogs();
  }

  /** Warnings and errors whose message or exception mentions {@code text}, e.g. a resource's namespace. */
  public List<String> problemsMentioning(String text) {
    return events().stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(RecordedLogs::describe)
        .filter(line -> line.contains(text))
        .toList();
  }

  /** Lines of any level whose message or exception mentions {@code text}. */
  public List<String> linesMentioning(String text) {
    return events().stream().map(RecordedLogs::describe).filter(line -> line.contains(text)).toList();
  }

  /** Whether a warning or error that mentions {@code text} came with an exception and its stack trace. */
  public boolean stackTraceLoggedFor(String text) {
    return events().stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null)
        .filter(e -> describe(e).contains(text))
        .anyMatch(e -> e.getThrowableProxy().getStackTraceElementProxyArray().length > 0);
  }

  /** Every exception logged, with its causes, as class: message. */
  public List<String> exceptions() {
    var found = new ArrayList<String>();
    for (var event : events()) {
      for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        found.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    return found;
  }

  private List<ILoggingEvent> events() {
    synchronized (appender) {
      return new ArrayList<>(appender.list);
    }
  }

  private static String describe(ILoggingEvent event) {
    IThrowableProxy t = event.getThrowableProxy();
    return event.getFormattedMessage() + (t == null ? "" : " " + t.getClassName() + ": " + t.getMessage());
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
