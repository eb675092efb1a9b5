package io.evaljobs.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything a function writes to its logs while open: System.out, System.err and java.util.logging (whose console
 * handler keeps the System.err it started with, so it is captured by a handler of its own).
 */
final class CapturedOutput implements AutoCloseable {
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final StringBuffer logged = new StringBuffer();
  private final Handler handler = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      logged.append(formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private CapturedOutput() {
    PrintStream stream = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(stream);
    System.setErr(stream);
    Logger.getLogger("").addHandler(handler);
  }

  static CapturedOutput start() {
    return new CapturedOutput();
  }

  String text() {
    return captured.toString(StandardCharsets.UTF_8) + logged;
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    Logger.getLogger("").removeHandler(handler);
  }
}
