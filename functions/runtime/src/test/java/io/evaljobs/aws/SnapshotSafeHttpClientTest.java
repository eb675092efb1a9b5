package io.evaljobs.aws;

import static io.evaljobs.aws.HttpClientSettingsTest.bodyOf;
import static io.evaljobs.aws.HttpClientSettingsTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

class SnapshotSafeHttpClientTest {

  @Test
  void checkpointAndRestore_pooledConnectionFromBeforeTheSnapshot_isNotReused() throws Exception {
    try (KeepAliveServer server = new KeepAliveServer(100);
        SnapshotSafeHttpClient client = new SnapshotSafeHttpClient(HttpClientSettings::build)) {
      bodyOf(send(client, server, "/priming"));
      bodyOf(send(client, server, "/priming"));
      assertEquals(1, server.connections());

      client.beforeCheckpoint(null);
      client.afterRestore(null);

      assertEquals(server.body("/after-restore"), bodyOf(send(client, server, "/after-restore")));
      assertEquals(2, server.connections());
    }
  }

  @Test
  void beforeCheckpoint_closesTheClientThatHeldTheConnections() throws Exception {
    List<RecordingClient> built = new ArrayList<>();
    SnapshotSafeHttpClient client = new SnapshotSafeHttpClient(() -> record(built));

    client.beforeCheckpoint(null);

    assertEquals(2, built.size());
    assertTrue(built.get(0).closed);
    assertSame(built.get(1), client.delegate());
  }

  @Test
  void afterRestore_unusedSinceTheCheckpoint_keepsTheClient() throws Exception {
    List<RecordingClient> built = new ArrayList<>();
    SnapshotSafeHttpClient client = new SnapshotSafeHttpClient(() -> record(built));
    client.beforeCheckpoint(null);
    SdkHttpClient atCheckpoint = client.delegate();

    client.afterRestore(null);

    assertSame(atCheckpoint, client.delegate());
  }

  @Test
  void afterRestore_usedAfterTheCheckpointHook_renewsTheClient() throws Exception {
    List<RecordingClient> built = new ArrayList<>();
    SnapshotSafeHttpClient client = new SnapshotSafeHttpClient(() -> record(built));
    client.beforeCheckpoint(null);
    SdkHttpClient atCheckpoint = client.delegate();
    client.prepareRequest(HttpExecuteRequest.builder().build());

    client.afterRestore(null);

    assertNotSame(atCheckpoint, client.delegate());
    assertTrue(built.get(1).closed);
  }

  private static RecordingClient record(List<RecordingClient> built) {
    RecordingClient client = new RecordingClient();
    built.add(client);
    return client;
  }

  private static final class RecordingClient implements SdkHttpClient {
    volatile boolean closed;

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return null;
    }

    @Override
    public String clientName() {
      return "Recording";
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
