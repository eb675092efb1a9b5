package io.evaljobs.bench;

import io.evaljobs.bench.launch.FunctionLauncher;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts {@link FunctionLauncher} in fresh JVMs, with the same java as this one, the template's JAVA_TOOL_OPTIONS
 * (from the template.yaml of the repository the function's jar was built in) and a class path of the function's
 * deployable jar, unpacked as Lambda unpacks it, and the launcher class alone.
 */
final class ColdStartRunner {
  private static final Pattern JAVA_TOOL_OPTIONS = Pattern.compile("(?m)^\\s+JAVA_TOOL_OPTIONS:\\s*(.+?)\\s*$");

  /** JAVA_TOOL_OPTIONS of every function in the template.yaml of the working directory (the repository root). */
  static final List<String> LAMBDA_JVM_FLAGS = templateFlags(Path.of("template.yaml").toAbsolutePath());

  private final Path java;
  private final Path launcherClasses;
  private final Path taskRoots;
  private final Map<Path, Path> unpacked = new HashMap<>();

  private ColdStartRunner(Path java, Path launcherClasses, Path taskRoots) {
    this.java = java;
    this.launcherClasses = launcherClasses;
    this.taskRoots = taskRoots;
  }

  /** Copies the launcher class out of the benchmark's own class path into a directory of its own. */
  static ColdStartRunner create(Path workDirectory) throws IOException {
    String resource = FunctionLauncher.class.getName().replace('.', '/') + ".class";
    Path target = workDirectory.resolve("launcher").resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = ColdStartRunner.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("launcher class not found: " + resource);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ColdStartRunner(java, workDirectory.resolve("launcher"), workDirectory.resolve("task"));
  }

  Path java() {
    return java;
  }

  LauncherRun run(FunctionUnderTest function, String mode, int warmup, int measured, int budgetSeconds)
      throws Exception {
    return LauncherProcess.runJava(
        java,
        taskRoot(function) + File.pathSeparator + launcherClasses,
        FunctionLauncher.class.getName(),
        List.of(
            function.handlerClass(),
            function.event().toString(),
            mode,
            Integer.toString(warmup),
            Integer.toString(measured),
            Integer.toString(budgetSeconds)),
        function.environment(),
        flagsFor(function.jar()),
        function.name() + " launcher (" + mode + ")");
  }

  /**
   * The function's jar unpacked into a directory of its own, once per run. Lambda unpacks a .jar or .zip deployment
   * package into the task root (/var/task) and loads the function's classes from that directory, not from the
   * archive, so a cold start here reads them the same way.
   */
  private synchronized Path taskRoot(FunctionUnderTest function) throws IOException {
    Path jar = function.jar().toAbsolutePath();
    Path root = unpacked.get(jar);
    if (root == null) {
      root = DeploymentPackage.unpack(jar, taskRoots.resolve(function.name()));
      unpacked.put(jar, root);
    }
    return root;
  }

  /** The flags of the template.yaml in the nearest directory above {@code artifact}: the repository it was built in. */
  static List<String> flagsFor(Path artifact) {
    for (Path directory = artifact.toAbsolutePath().getParent(); directory != null; directory = directory.getParent()) {
      Path template = directory.resolve("template.yaml");
      if (Files.isRegularFile(template)) {
        return templateFlags(template);
      }
    }
    throw new IllegalStateException("no template.yaml above " + artifact);
  }

  /** The first JAVA_TOOL_OPTIONS of {@code template} (the Globals one), split into flags; none without one. */
  static List<String> templateFlags(Path template) {
    if (!Files.isRegularFile(template)) {
      return List.of();
    }
    Matcher matcher;
    try {
      matcher = JAVA_TOOL_OPTIONS.matcher(Files.readString(template, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!matcher.find()) {
      return List.of();
    }
    String value = matcher.group(1).replaceAll("^['\"]|['\"]$", "");
    return Arrays.stream(value.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
  }
}
