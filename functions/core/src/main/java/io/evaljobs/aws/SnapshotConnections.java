package io.evaljobs.aws;

import java.util.HashSet;
import java.util.Set;
import org.crac.Context;
import org.crac.Resource;

/**
 * Drops the HTTP client's kept-alive connections when Lambda SnapStart takes a snapshot, and after a restore opens a
 * new one to each endpoint that had one, so that the first invocation after a restore does not wait for TCP and TLS
 * handshakes. A restored socket belongs to a connection the network and the server have forgotten (the restored
 * environment may not even have the snapshot's address): writing to it can wait for the attempt timeout instead of
 * failing fast. It is registered when the shared client is created, before any handler registers its primer: resources
 * are notified in reverse order of registration before a checkpoint, so it runs after the primers, and the restore
 * hook also drops whatever a runtime that orders them otherwise left in the snapshot.
 */
final class SnapshotConnections implements Resource {
  private final SocketHttpClient client;
  private volatile Set<Route> routesBeforeCheckpoint = Set.of();

  SnapshotConnections(SocketHttpClient client) {
    this.client = client;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    routesBeforeCheckpoint = Set.copyOf(client.dropIdleConnections());
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    Set<Route> routes = new HashSet<>(routesBeforeCheckpoint);
    routes.addAll(client.dropIdleConnections());
    client.connectAhead(routes);
  }
}
