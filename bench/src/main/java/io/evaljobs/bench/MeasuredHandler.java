package io.evaljobs.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A handler in this JVM whose DynamoDB client reports to a {@link QueryCounter}. */
final class MeasuredHandler {
  private final RequestStreamHandler handler;
  private final QueryCounter counter;

  MeasuredHandler(RequestStreamHandler handler, QueryCounter counter) {
    this.handler = handler;
    this.counter = counter;
  }

  /** One invocation that must succeed (200). */
  Invocation invoke(byte[] event) {
    Invocation invocation = answer(event);
    if (invocation.response().status() != 200) {
      throw new IllegalStateException("the function answered " + invocation.response().status());
    }
    return invocation;
  }

  /** One invocation, whatever it answers: a listing may refuse a page beyond its read bound with a 400. */
  Invocation answer(byte[] event) {
    counter.take();
    ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
    long start = System.nanoTime();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long nanos = System.nanoTime() - start;
    return new Invocation(ProxyResponse.parse(out.toByteArray()), counter.take(), nanos);
  }

  /** The median latency of {@code repetitions} invocations of one event, with the reads of the last. */
  Repeated repeat(byte[] event, int repetitions) {
    long[] nanos = new long[repetitions];
    Invocation last = null;
    for (int i = 0; i < repetitions; i++) {
      last = invoke(event);
      nanos[i] = last.nanos();
    }
    return new Repeated(last, new Samples(nanos));
  }

  record Invocation(ProxyResponse response, QueryCounter.Snapshot reads, long nanos) {}

  record Repeated(Invocation last, Samples latency) {}
}
