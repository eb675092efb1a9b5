package io.evaljobs.sam;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main of a JVM started on a function's artifact directory (its task root), as the Lambda runtime runs a
 * handler: constructs the handler class, passes it one event file and prints what it wrote on one line of stdout,
 * or exits with 3 when it failed (after its stack trace on stderr). Uses only the JDK and the Lambda interface.
 */
final class HandlerLauncher {
  static final int HANDLER_FAILED = 3;

  private HandlerLauncher() {}

  public static void main(String[] args) throws Exception {
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))), out,
          new LauncherContext(System.getenv("AWS_LAMBDA_FUNCTION_NAME")));
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(HANDLER_FAILED);
    }
    System.out.println();
    System.out.write(out.toByteArray());
    System.out.println();
    System.out.flush();
  }
}
