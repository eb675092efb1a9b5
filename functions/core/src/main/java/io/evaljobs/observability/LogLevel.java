package io.evaljobs.observability;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The application log levels of the template's {@code LogLevel} parameter, lowest first. */
public enum LogLevel {
  DEBUG,
  INFO,
  WARN,
  ERROR;

  /**
   * The configured threshold: Lambda's own {@code AWS_LAMBDA_LOG_LEVEL} (set from {@code ApplicationLogLevel} when
   * the function logs in JSON) wins over {@code LOG_LEVEL}; INFO when neither names a level.
   */
  public static LogLevel fromEnvironment(Map<String, String> env) {
    return parse(env.get("AWS_LAMBDA_LOG_LEVEL")).or(() -> parse(env.get("LOG_LEVEL"))).orElse(INFO);
  }

  static Optional<LogLevel> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "TRACE":
      case "DEBUG":
        return Optional.of(DEBUG);
      case "INFO":
        return Optional.of(INFO);
      case "WARN":
      case "WARNING":
        return Optional.of(WARN);
      case "ERROR":
      case "FATAL":
        return Optional.of(ERROR);
      default:
        return Optional.empty();
    }
  }

  public boolean admits(LogLevel level) {
    return level.compareTo(this) >= 0;
  }
}
