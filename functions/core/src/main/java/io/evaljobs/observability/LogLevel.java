package io.evaljobs.observability;

import io.evaljobs.lambda.Environment;
import java.util.Locale;
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
  public static LogLevel fromEnvironment(Environment env) {
    return env.optional("AWS_LAMBDA_LOG_LEVEL").flatMap(LogLevel::parse)
        .or(() -> env.optional("LOG_LEVEL").flatMap(LogLevel::parse))
        .orElse(INFO);
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
