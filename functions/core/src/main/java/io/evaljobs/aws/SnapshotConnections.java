package io.evaljobs.aws;

import org.crac.Context;
import org.crac.Resource;

/**
 * Drops the HTTP client's kept-alive connections when Lambda SnapStart takes a snapshot and again after a restore.
 * A restored socket belongs to a connection the network and the server have forgotten (the restored environment may
 * not even have the snapshot's address): writing to it can wait for the attempt timeout instead of failing fast.
 * It is registered when the shared client is created, before any handler registers its primer: org.crac notifies
 * resources in reverse order of registration before a checkpoint, so it runs after the primers, and the restore
 * hook covers a runtime that orders them otherwise.
 */
final class SnapshotConnections implements Resource {
  private final SocketHttpClient client;

  SnapshotConnections(SocketHttpClient client) {
    this.client = client;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    client.closeIdleConnections();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    client.closeIdleConnections();
  }
}
