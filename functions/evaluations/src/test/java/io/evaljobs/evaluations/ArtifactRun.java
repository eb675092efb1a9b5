package io.evaljobs.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a function's shaded artifact in a JVM of its own, as Lambda would: only the artifact and {@link ArtifactLauncher}
 * on the class path, only the given environment.
 */
final class ArtifactRun {
  private ArtifactRun() {}

  /** The environment of a function pointed at a local DynamoDB endpoint, plus {@code more}. */
  static Map<String, String> localEnvironment(URI dynamoDb, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("DYNAMODB_ENDPOINT", dynamoDb.toString());
    return env;
  }

  /** The last line the handler of {@code artifact} answered {@code event} with; fails on a non-zero exit. */
  static String launch(Path artifact, Class<?> handler, Path event, Map<String, String> env)
      throws IOException, InterruptedException, URISyntaxException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path launcher = Path.of(ArtifactLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String classPath = artifact.toAbsolutePath() + File.pathSeparator + launcher.toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(List.of(java, "-cp", classPath, ArtifactLauncher.class.getName(), handler.getName(),
            event.toString()));
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectErrorStream(false);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the function did not finish");
    assertEquals(0, process.exitValue(), err);
    return new String(out, StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse("");
  }
}
