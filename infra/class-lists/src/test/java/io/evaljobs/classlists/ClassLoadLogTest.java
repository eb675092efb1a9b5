package io.evaljobs.classlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLoadLogTest {
  private static final String MARKER = FirstInvocationMarker.class.getName();

  @Test
  void loadedAfter_keepsWhatLoadedAfterTheMarker_inLoadOrder() {
    List<String> log =
        List.of(
            "java.lang.Object source: shared objects file",
            "software.amazon.awssdk.core.SdkClient source: file:/task/",
            MARKER + " source: file:/task/",
            "software.amazon.awssdk.services.dynamodb.model.QueryResponse source: file:/task/",
            "sun.security.provider.SHA2 source: jrt:/java.base",
            "io.evaljobs.http.Json source: file:/task/");

    assertEquals(
        List.of(
            "software.amazon.awssdk.services.dynamodb.model.QueryResponse",
            "sun.security.provider.SHA2",
            "io.evaljobs.http.Json"),
        ClassLoadLog.loadedAfter(log, MARKER));
  }

  @Test
  void loadedAfter_dropsArchivedRunTimeDefinedAndTrainingOnlyClasses() {
    List<String> log =
        List.of(
            MARKER + " source: file:/task/",
            "io.evaljobs.http.Json$$Lambda$31/0x0000000800c0b000 source: io.evaljobs.http.Json",
            "java.util.ArrayList$Itr source: shared objects file",
            "jdk.internal.reflect.GeneratedConstructorAccessor1 source: __JVM_DefineClass__",
            "com.example.Generated source: __ClassDefiner__",
            "io.evaljobs.priming.LazyPrimer source: file:/task/",
            "io.evaljobs.preload.ClassPreloader source: file:/task/",
            "io.evaljobs.classlists.ClassListTraining$FirstInvocation source: jar:file:/repo/class-lists.jar!/",
            "io.evaljobs.priming.CannedHttpClient source: file:/task/",
            "io.evaljobs.priming.CannedHttpClient$1 source: file:/task/",
            "io.evaljobs.http.GatewayCall source: file:/task/",
            "io.evaljobs.aws.SnapshotSafeHttpClient source: file:/task/",
            "software.amazon.awssdk.core.SdkBytes source: jar:file:/repo/sdk-core.jar!/");

    assertEquals(
        List.of("io.evaljobs.aws.SnapshotSafeHttpClient", "software.amazon.awssdk.core.SdkBytes"),
        ClassLoadLog.loadedAfter(log, MARKER));
  }

  @Test
  void loadedAfter_decoratedLinesAndRepeatedNames_keepEachNameOnce() {
    List<String> log =
        List.of(
            "[0.101s][info][class,load] " + MARKER + " source: file:/task/",
            "[0.102s][info][class,load] io.evaljobs.http.Json source: file:/task/",
            "[0.103s][info][class,load] io.evaljobs.http.Json source: file:/other/",
            "a line that names no source");

    assertEquals(List.of("io.evaljobs.http.Json"), ClassLoadLog.loadedAfter(log, MARKER));
  }

  @Test
  void loadedAfter_aLogWithoutTheMarker_throws() {
    List<String> log = List.of("io.evaljobs.http.Json source: file:/task/");

    assertThrows(IllegalArgumentException.class, () -> ClassLoadLog.loadedAfter(log, MARKER));
  }

  @Test
  void relocated_movesEachPackageAndItsSubpackages_keepingTheFirstOfEqualNames() {
    List<String> names =
        List.of(
            "com.fasterxml.jackson.core.JsonFactory",
            "software.amazon.awssdk.thirdparty.jackson.core.JsonFactory",
            "com.fasterxml.jackson.core.json.UTF8JsonGenerator",
            "com.fasterxml.jackson.coreutils.Other",
            "io.evaljobs.http.Json");

    assertEquals(
        List.of(
            "software.amazon.awssdk.thirdparty.jackson.core.JsonFactory",
            "software.amazon.awssdk.thirdparty.jackson.core.json.UTF8JsonGenerator",
            "com.fasterxml.jackson.coreutils.Other",
            "io.evaljobs.http.Json"),
        ClassLoadLog.relocated(
            names, List.of("com.fasterxml.jackson.core=software.amazon.awssdk.thirdparty.jackson.core")));
  }

  @Test
  void relocated_aRelocationWithoutBothSides_throws() {
    assertThrows(
        IllegalArgumentException.class, () -> ClassLoadLog.relocated(List.of("a.B"), List.of("com.fasterxml=")));
    assertThrows(IllegalArgumentException.class, () -> ClassLoadLog.relocated(List.of("a.B"), List.of("=a")));
  }
}
