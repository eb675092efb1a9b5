package io.evaljobs.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.lambda.Environment;
import io.evaljobs.testing.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;
import org.junit.jupiter.api.Test;

class SdkLogProviderTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void factory_withoutALevel_givesNoOperationLoggers() {
    ILoggerFactory factory = SdkLogProvider.factoryFor(new Environment(Map.of()), out, CLOCK);
    Logger logger = factory.getLogger("software.amazon.awssdk.request");
    assertSame(NOPLogger.NOP_LOGGER, logger);
    logger.error("never written");
    assertEquals(List.of(), lines());
  }

  @Test
  void factory_withAnUnknownLevel_staysOff() {
    assertSame(
        NOPLogger.NOP_LOGGER, SdkLogProvider.factoryFor(new Environment(Map.of("LOG_LEVEL", "loud")), out, CLOCK).getLogger("x"));
  }

  @Test
  void logger_atWarn_writesWarnAndErrorOnly_asJsonLines() {
    Logger logger = SdkLogProvider.factoryFor(new Environment(Map.of("LOG_LEVEL", "WARN")), out, CLOCK).getLogger("sdk.Retry");
    assertFalse(logger.isInfoEnabled());
    assertTrue(logger.isWarnEnabled());
    logger.debug("debug {}", 1);
    logger.info("info");
    logger.warn("retrying {} after {} ms", "Query", 25);
    logger.error("gave up", new IllegalStateException("throttled"));
    List<String> lines = lines();
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(
        "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"level\":\"WARN\",\"logger\":\"sdk.Retry\","
            + "\"message\":\"retrying Query after 25 ms\"}",
        lines.get(0));
    Map<String, Object> error = JsonTree.object(lines.get(1));
    assertEquals("ERROR", error.get("level"));
    assertEquals("gave up", error.get("message"));
    assertTrue(String.valueOf(error.get("error")).startsWith("java.lang.IllegalStateException: throttled"), lines.get(1));
  }

  @Test
  void lambdasOwnLevel_winsOverLogLevel() {
    Logger logger =
        SdkLogProvider.factoryFor(new Environment(Map.of("AWS_LAMBDA_LOG_LEVEL", "DEBUG", "LOG_LEVEL", "ERROR")), out, CLOCK)
            .getLogger("sdk");
    logger.debug("a \"quoted\"\nline\u0001");
    Map<String, Object> line = JsonTree.object(lines().get(0));
    assertEquals("DEBUG", line.get("level"));
    assertEquals("a \"quoted\"\nline\u0001", line.get("message"));
  }

  @Test
  void slf4j_findsThisProvider() {
    // This JVM's environment decides the level; either way the factory is ours, not a warning and a NOP default.
    assertEquals(
        SdkLogProvider.class.getPackageName(),
        LoggerFactory.getILoggerFactory().getClass().getPackageName());
  }
}
