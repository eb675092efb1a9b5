package io.evaljobs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacks a deployment package (a .jar or .zip) into a task root directory, as Lambda does before a cold start. */
final class DeploymentPackage {
  private DeploymentPackage() {}

  /** Replaces whatever {@code root} held with the package's entries; refuses an entry that points outside it. */
  static Path unpack(Path archive, Path root) throws IOException {
    Path target = root.toAbsolutePath().normalize();
    ScratchDirectory.deleteTree(target);
    Files.createDirectories(target);
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("entry outside the task root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          continue;
        }
        Files.createDirectories(path.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }
}
