package io.evaljobs.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {
  @TempDir Path elsewhere;

  @Test
  void close_directoryWithNestedFiles_removesAllOfIt() throws IOException {
    Path root;
    try (ScratchDirectory scratch = ScratchDirectory.create("scratch-test")) {
      root = scratch.path();
      Files.createDirectories(root.resolve("task/io/evaljobs"));
      Files.writeString(root.resolve("task/io/evaljobs/A.class"), "a");
      Files.writeString(root.resolve("launch.mjs"), "b");
      Files.createDirectories(root.resolve("node-reference/node_modules/empty"));
    }

    assertFalse(Files.exists(root));
  }

  @Test
  void close_linkToADirectoryOutside_removesTheLinkAndLeavesItsTarget() throws IOException {
    Path kept = Files.writeString(elsewhere.resolve("kept.txt"), "kept");
    Path root;
    try (ScratchDirectory scratch = ScratchDirectory.create("scratch-test")) {
      root = scratch.path();
      try {
        Files.createSymbolicLink(root.resolve("outside"), elsewhere);
      } catch (UnsupportedOperationException | IOException e) {
        assumeTrue(false, "no symbolic links here: " + e);
      }
    }

    assertFalse(Files.exists(root));
    assertTrue(Files.exists(kept));
  }

  @Test
  void deleteTree_missingDirectory_isNothingToDo() throws IOException {
    Path missing = elsewhere.resolve("never-made");

    ScratchDirectory.deleteTree(missing);

    assertFalse(Files.exists(missing));
  }
}
