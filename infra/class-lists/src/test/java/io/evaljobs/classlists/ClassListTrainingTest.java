package io.evaljobs.classlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.example.PrimedHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassListTrainingTest {
  @TempDir Path scratch;

  @Test
  void train_primedSubject_listsWhatItsPrimerLoadsAndNotWhatConstructionLoaded() throws Exception {
    List<String> loaded = ClassListTraining.train(PrimedHandler.class.getName(), scratch);

    assertTrue(loaded.contains(PrimedHandler.Request.class.getName()), () -> "listed: " + loaded);
    assertFalse(loaded.contains(PrimedHandler.class.getName()), () -> "listed: " + loaded);
  }

  @Test
  void train_afterItsRun_leavesNothingInItsScratchDirectory() throws Exception {
    ClassListTraining.train(PrimedHandler.class.getName(), scratch);

    try (Stream<Path> left = Files.list(scratch)) {
      assertEquals(List.of(), left.toList());
    }
  }
}
