package io.evaljobs.aws;

import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An SDK HTTP client whose kept-alive connections never outlive a SnapStart snapshot. Before a checkpoint it replaces
 * the client it delegates to with a newly built one and closes the old one, which closes every pooled connection: a
 * restored socket belongs to a connection the network and the server have forgotten, and writing to it can wait for
 * the attempt timeout instead of failing fast. After a restore it does the same again if anything sent a request since
 * the checkpoint (a runtime that ran the hooks in another order). The SDK's clients have no public way to evict their
 * pool; closing and rebuilding is the one every client supports.
 */
public final class SnapshotSafeHttpClient implements SdkHttpClient, Resource {
  private final Supplier<SdkHttpClient> factory;
  private volatile SdkHttpClient delegate;
  private volatile boolean usedSinceRenewal;

  public SnapshotSafeHttpClient(Supplier<SdkHttpClient> factory) {
    this.factory = factory;
    this.delegate = factory.get();
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    usedSinceRenewal = true;
    return delegate.prepareRequest(request);
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  /** The client requests go to now; for tests of its configuration. */
  public SdkHttpClient delegate() {
    return delegate;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    renew();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    if (usedSinceRenewal) {
      renew();
    }
  }

  /** A new client without connections takes the requests; the old one closes its pool. */
  public synchronized void renew() {
    SdkHttpClient old = delegate;
    delegate = factory.get();
    usedSinceRenewal = false;
    old.close();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
