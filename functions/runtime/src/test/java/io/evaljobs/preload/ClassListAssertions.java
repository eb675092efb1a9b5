package io.evaljobs.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** Checks of the class list a function's build trained into its deployable jar, shared by the functions' tests. */
public final class ClassListAssertions {
  private ClassListAssertions() {}

  /**
   * The jar holds a list for {@code handler}; every class it names is in the jar or in the JDK (none left unrelocated
   * or filtered out by shading), none twice; and it names {@code requestPath}, classes only a request loads.
   */
  public static void assertTrainedList(Path jar, String handler, List<String> requestPath) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile artifact = new JarFile(jar.toFile())) {
      ZipEntry entry = artifact.getEntry(handler.replace('.', '/') + ClassPreloader.SUFFIX);
      assertNotNull(entry, jar + " holds no class list for " + handler);
      try (InputStream in = artifact.getInputStream(entry)) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(names::add);
      }
      List<String> unknown = new ArrayList<>();
      for (String name : names) {
        if (artifact.getEntry(name.replace('.', '/') + ".class") == null && !inTheJdk(name)) {
          unknown.add(name);
        }
      }
      assertEquals(List.of(), unknown, "listed classes that neither the jar nor the JDK holds");
    }
    Set<String> distinct = new HashSet<>(names);
    assertEquals(names.size(), distinct.size(), "a class is listed twice");
    for (String name : requestPath) {
      assertTrue(distinct.contains(name), name + " is missing from the list of " + names.size() + " classes");
    }
  }

  /**
   * The jar holds nothing of the build step that trained its list (module class-lists, package
   * io.evaljobs.classlists), yet does hold {@code handler}: the step is on the training class path only.
   */
  public static void assertHoldsNoTrainingTool(Path jar, String handler) throws IOException {
    try (JarFile artifact = new JarFile(jar.toFile())) {
      assertNotNull(artifact.getEntry(handler.replace('.', '/') + ".class"), jar + " holds no " + handler);
      List<String> tool =
          artifact.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.startsWith("io/evaljobs/classlists/")
                  || name.startsWith("META-INF/maven/io.evaljobs/class-lists/"))
              .toList();
      assertEquals(List.of(), tool, "the class list tool in " + jar);
    }
  }

  private static boolean inTheJdk(String name) {
    try {
      Class.forName(name, false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
