package io.evaljobs.security;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Drives one handler with generated events and holds every response to the rules, counting statuses. */
final class FuzzRun {
  /** Checks a 200 response of a valid tenant: a violation message, or empty; may also harvest tokens from it. */
  interface OwnDataCheck extends BiFunction<Integer, ProxyResponse, Optional<String>> {}

  private final String name;
  private final RequestStreamHandler handler;
  private final HostileEvents events;
  private final Function<ProxyResponse, Optional<String>> rules;
  private final OwnDataCheck ownData;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final Map<String, Integer> kinds = new TreeMap<>();

  FuzzRun(
      String name, RequestStreamHandler handler, HostileEvents events,
      Function<ProxyResponse, Optional<String>> rules, OwnDataCheck ownData) {
    this.name = name;
    this.handler = handler;
    this.events = events;
    this.rules = rules;
    this.ownData = ownData;
  }

  /** Runs {@code requests} cases from {@code seed}; throws at the first violation with the seed and case. */
  Map<Integer, Integer> run(long seed, int requests) {
    Random random = new Random(seed);
    for (int i = 0; i < requests; i++) {
      HostileEvents.Case request = events.next(random);
      kinds.merge(request.kind(), 1, Integer::sum);
      ProxyResponse response;
      try {
        response = ProxyResponse.call(handler, request.event());
      } catch (Throwable e) {
        throw new AssertionError(where(seed, i, request) + ": the handler failed instead of answering", e);
      }
      Optional<String> violation = rules.apply(response);
      if (violation.isEmpty() && response.status() == 200 && request.tenant().isPresent()) {
        violation = ownData.apply(request.tenant().get(), response);
      }
      if (violation.isPresent()) {
        throw new AssertionError(
            where(seed, i, request) + ": " + violation.get() + "; response " + response.status() + " "
                + response.abbreviated());
      }
      statuses.merge(response.status(), 1, Integer::sum);
    }
    StringBuilder summary = new StringBuilder("fuzz " + name + ": " + requests + " requests");
    statuses.forEach((status, count) -> summary.append(", ").append(status).append('=').append(count));
    summary.append(" (cases ").append(kinds).append(')');
    System.out.println(summary);
    return statuses;
  }

  private static String where(long seed, int index, HostileEvents.Case request) {
    return "seed " + seed + ", case " + index + " (" + request.describe() + ")";
  }
}
