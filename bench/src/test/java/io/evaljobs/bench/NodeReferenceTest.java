package io.evaljobs.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeReferenceTest {
  private static final ProxyResponse FUNCTION_PAGE =
      new ProxyResponse(200, List.of("ev-3", "ev-2", "ev-1"), Optional.empty(), Optional.of(3L), Optional.empty());

  @Test
  void requireSamePage_sameJobsInTheSameOrderAndTotal_passes() {
    assertDoesNotThrow(() -> NodeReference.requireSamePage(reference("ev-3,ev-2,ev-1", "3"), FUNCTION_PAGE));
  }

  @Test
  void requireSamePage_anotherOrderAnotherTotalOrNoJobs_fails() {
    assertThrows(
        IllegalStateException.class, () -> NodeReference.requireSamePage(reference("ev-1,ev-2,ev-3", "3"), FUNCTION_PAGE));
    assertThrows(
        IllegalStateException.class, () -> NodeReference.requireSamePage(reference("ev-3,ev-2,ev-1", "4"), FUNCTION_PAGE));
    assertThrows(IllegalStateException.class, () -> NodeReference.requireSamePage(reference("", "3"), FUNCTION_PAGE));
    ProxyResponse empty = new ProxyResponse(200, List.of(), Optional.empty(), Optional.of(0L), Optional.empty());
    assertThrows(IllegalStateException.class, () -> NodeReference.requireSamePage(reference("", "0"), empty));
  }

  @Test
  void referenceFiles_areAllInTheRepository_andTheLockPinsWhatThePackageNames() throws Exception {
    Path reference = Path.of("reference", "node");
    for (String file : NodeReference.FILES) {
      assertTrue(Files.isRegularFile(reference.resolve(file)), file);
    }
    String lock = Files.readString(reference.resolve("package-lock.json"));
    for (String dependency : List.of("@aws-sdk/client-dynamodb", "@aws-sdk/lib-dynamodb")) {
      assertTrue(lock.contains("\"node_modules/" + dependency + "\""), dependency + " is not locked");
    }
  }

  private static LauncherRun reference(String ids, String total) {
    return new LauncherRun(0, Map.of("first_job_ids", ids, "first_total_count", total, "first_status", "200"));
  }
}
