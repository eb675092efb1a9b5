package io.evaljobs.observability;

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
    StringBuilder line = new StringBuilder(160);
    line.append("{\"timestamp\":\"").append(clock.instant()).append("\",\"level\":\"").append(level.name());
    line.append("\",\"logger\":");
    appendString(line, name);
    line.append(",\"message\":");
    appendString(line, MessageFormatter.basicArrayFormat(messagePattern, arguments));
    if (throwable != null) {
      StringWriter trace = new StringWriter();
      throwable.printStackTrace(new PrintWriter(trace));
      line.append(",\"error\":");
      appendString(line, trace.toString());
    }
    line.append('}');
    out.println(line);
  }

  private static void appendString(StringBuilder line, String text) {
    line.append('"');
    if (text != null) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> line.append("\\\"");
          case '\\' -> line.append("\\\\");
          case '\n' -> line.append("\\n");
          case '\r' -> line.append("\\r");
          case '\t' -> line.append("\\t");
          default -> {
            if (c < 0x20) {
              line.append(String.format("\\u%04x", (int) c));
            } else {
              line.append(c);
            }
          }
        }
      }
    }
    line.append('"');
  }
}
