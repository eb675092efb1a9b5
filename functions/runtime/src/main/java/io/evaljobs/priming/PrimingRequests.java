package io.evaljobs.priming;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A primer that sends events through a handler and throws the answers away. */
public final class PrimingRequests implements Runnable {
  /**
   * A page token no key opens (version 1, key id "priming", zero bytes after): primes the token-opening and
   * error-answering path of a list function.
   */
  public static final String FORGED_PAGE_TOKEN = "AQVwcmltaW5nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  /** Rounds per run; SnapStartPriming repeats the run until the request path is compiled. */
  static final int ROUNDS = 3;

  private final RequestStreamHandler handler;
  private final List<String> events;

  public PrimingRequests(RequestStreamHandler handler, List<String> events) {
    this.handler = handler;
    this.events = List.copyOf(events);
  }

  @Override
  public void run() {
    for (int round = 0; round < ROUNDS; round++) {
      for (String event : events) {
        try {
          handler.handleRequest(
              new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (RuntimeException expected) {
          // Authorizers answer an unknown key by throwing; the path up to there is what priming is for.
        }
      }
    }
  }
}
