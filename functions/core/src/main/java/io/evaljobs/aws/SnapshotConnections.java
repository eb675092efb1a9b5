package io.evaljobs.aws;

import java.util.HashMap;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;

/**
 * Drops the HTTP client's kept-alive connections when Lambda SnapStart takes a snapshot, and after a restore opens as
 * many new ones to each endpoint as it had, so that the first invocation after a restore does not wait for TCP and
 * TLS handshakes, not even for a request it sends beside another (a first evaluations page reads its total beside
 * the page). A restored socket belongs to a connection the network and the server have forgotten (the restored
 * environment may not even have the snapshot's address): writing to it can wait for the attempt timeout instead of
 * failing fast. It is registered when the shared client is created, before any handler registers its primer: resources
 * are notified in reverse order of registration before a checkpoint, so it runs after the primers, and the restore
 * hook also drops whatever a runtime that orders them otherwise left in the snapshot.
 */
final class SnapshotConnections implements Resource {
  private final SocketHttpClient client;
  private volatile Map<Route, Integer> connectionsBeforeCheckpoint = Map.of();

  SnapshotConnections(SocketHttpClient client) {
    this.client = client;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    connectionsBeforeCheckpoint = Map.copyOf(client.dropIdleConnections());
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    Map<Route, Integer> connections = new HashMap<>(connectionsBeforeCheckpoint);
    client.dropIdleConnections().forEach((route, count) -> connections.merge(route, count, Math::max));
    client.connectAhead(connections);
  }
}
