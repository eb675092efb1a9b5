package io.evaljobs.evaluations;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a handler class from the deployable artifact on one event file, as the Lambda runtime would, and prints its
 * output: the main of a separate JVM whose class path is the shaded jar first. JDK and Lambda interface only.
 */
final class ArtifactLauncher {
  private ArtifactLauncher() {}

  public static void main(String[] args) throws Exception {
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))), out, null);
    System.out.write(out.toByteArray());
    System.out.flush();
  }
}
