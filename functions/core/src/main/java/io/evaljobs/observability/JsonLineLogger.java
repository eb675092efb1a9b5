package io.evaljobs.observability;

import io.evaljobs.http.Json;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger writing one JSON object per message ({@code timestamp}, {@code level}, {@code logger},
 * {@code message}, {@code error}), for messages at its threshold and above.
 */
final class JsonLineLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient LogLevel threshold;
  private final transient PrintStream out;
  private final transient Clock clock;

  JsonLineLogger(String name, LogLevel threshold, PrintStream out, Clock clock) {
    this.name = name;
    this.threshold = threshold;
    this.out = out;
    this.clock = clock;
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return threshold.admits(LogLevel.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return threshold.admits(LogLevel.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return threshold.admits(LogLevel.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return threshold.admits(LogLevel.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
    out.println(Json.write(json -> {
      json.writeStartObject();
      json.writeStringField("timestamp", clock.instant().toString());
      json.writeStringField("level", level.name());
      json.writeStringField("logger", name);
      json.writeStringField("message", message == null ? "" : message);
      if (throwable != null) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        json.writeStringField("error", trace.toString());
      }
      json.writeEndObject();
    }));
  }
}
