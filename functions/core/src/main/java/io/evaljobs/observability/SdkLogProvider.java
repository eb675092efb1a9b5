package io.evaljobs.observability;

import io.evaljobs.lambda.Environment;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the functions, for the AWS SDK's logs: off unless {@code AWS_LAMBDA_LOG_LEVEL} or
 * {@code LOG_LEVEL} names a level, then one JSON line per message at that level and above on stderr, which
 * Lambda's {@code ApplicationLogLevel} filters like the function's own lines. Off, every logger is SLF4J's
 * no-operation logger, as with slf4j-nop.
 */
public final class SdkLogProvider implements SLF4JServiceProvider {
  /** The SLF4J API line this provider implements. */
  private static final String API_VERSION = "2.0.99";

  private volatile ILoggerFactory loggerFactory;
  private final IMarkerFactory markerFactory = new BasicMarkerFactory();
  private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

  @Override
  public void initialize() {
    loggerFactory = factoryFor(Environment.system(), System.err, Clock.systemUTC());
  }

  /** The loggers the environment asks for: no-operation ones without a level. */
  static ILoggerFactory factoryFor(Environment env, PrintStream out, Clock clock) {
    Optional<LogLevel> threshold =
        env.optional("AWS_LAMBDA_LOG_LEVEL").flatMap(LogLevel::parse)
            .or(() -> env.optional("LOG_LEVEL").flatMap(LogLevel::parse));
    if (threshold.isEmpty()) {
      return new Off();
    }
    return new JsonLines(threshold.get(), out, clock);
  }

  // Named classes rather than lambdas: this runs during a cold start, where a JVM's first lambdas cost milliseconds.
  private static final class Off implements ILoggerFactory {
    @Override
    public Logger getLogger(String name) {
      return NOPLogger.NOP_LOGGER;
    }
  }

  private static final class JsonLines implements ILoggerFactory {
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final LogLevel threshold;
    private final PrintStream out;
    private final Clock clock;

    JsonLines(LogLevel threshold, PrintStream out, Clock clock) {
      this.threshold = threshold;
      this.out = out;
      this.clock = clock;
    }

    @Override
    public Logger getLogger(String name) {
      Logger logger = loggers.get(name);
      if (logger == null) {
        Logger created = new JsonLineLogger(name, threshold, out, clock);
        logger = loggers.putIfAbsent(name, created);
        if (logger == null) {
          logger = created;
        }
      }
      return logger;
    }
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return API_VERSION;
  }
}
