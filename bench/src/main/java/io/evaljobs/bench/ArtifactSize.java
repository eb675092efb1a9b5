package io.evaljobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** A deployable jar's size in bytes and the number of classes in it. */
record ArtifactSize(long bytes, long classes) {
  static ArtifactSize of(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      long classes = zip.stream().filter(e -> e.getName().endsWith(".class")).count();
      return new ArtifactSize(Files.size(jar), classes);
    }
  }
}
