package io.evaljobs.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentPackageTest {
  @TempDir Path directory;

  private Path archive(Map<String, byte[]> entries) throws IOException {
    Path archive = directory.resolve("function-" + entries.size() + ".jar");
    try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return archive;
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
      }
    }
    return files;
  }

  @Test
  void unpack_archive_holdsEveryFileOfItByteForByte() throws IOException {
    Random random = new Random(5);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("META-INF/", new byte[0]);
    for (int i = 0; i < 40; i++) {
      byte[] content = new byte[random.nextInt(5_000)];
      random.nextBytes(content);
      entries.put("io/evaljobs/p" + (i % 4) + "/C" + i + ".class", content);
    }
    Path root = DeploymentPackage.unpack(archive(entries), directory.resolve("task"));

    Map<String, byte[]> unpacked = files(root);
    entries.remove("META-INF/");
    assertEquals(entries.keySet(), unpacked.keySet());
    entries.forEach((name, content) -> assertArrayEquals(content, unpacked.get(name), name));
    assertEquals(true, Files.isDirectory(root.resolve("META-INF")));
  }

  @Test
  void unpack_intoAnEarlierTaskRoot_leavesNothingOfTheEarlierPackage() throws IOException {
    Path root = directory.resolve("task");
    DeploymentPackage.unpack(archive(Map.of("old/Gone.class", new byte[] {1})), root);
    DeploymentPackage.unpack(archive(Map.of("a/New.class", new byte[] {2}, "b/Also.class", new byte[] {3})), root);

    assertEquals(java.util.Set.of("a/New.class", "b/Also.class"), files(root).keySet());
  }

  @Test
  void unpack_entryPointingOutsideTheRoot_isRefusedAndWritesNothingThere() throws IOException {
    Path archive = archive(Map.of("../escaped.txt", "x".getBytes(StandardCharsets.UTF_8)));

    assertThrows(IOException.class, () -> DeploymentPackage.unpack(archive, directory.resolve("task")));
    assertFalse(Files.exists(directory.resolve("escaped.txt")));
  }
}
