package dev.progressive.runtime;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Captures log lines exactly as the production stdout appender writes them: each event is encoded
 * by the encoder configured in logback.xml, so the tests check the real JSON lines.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Encoder<ILoggingEvent> encoder;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger root;

  @SuppressWarnings("unchecked")
  public CapturedLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var stdout = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT");
    encoder = stdout.getEncoder();
    setContext(context);
    setName("captured");
    start();
    root.addAppender(this);
  }

  @Override
  protected void append(ILoggingEvent event) {
    lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public List<JsonNode> json() {
    return lines.stream().map(line -> {
      try {
        return MAPPER.readTree(line);
      } catch (IOException e) {
        throw new UncheckedIOException("log line is not JSON: " + line, e);
      }
    }).toList();
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
