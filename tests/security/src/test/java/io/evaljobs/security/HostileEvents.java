package io.evaljobs.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Generates whole proxy events for one list API, from broken JSON to valid queries: most are cheap validation
 * failures, a share are valid queries that reach the database, some replay or forge page tokens.
 */
final class HostileEvents {
  /** What the generator knows of an API: its path, valid parameter values and the tenant contexts. */
  record ApiShape(
      String path,
      Map<String, List<String>> validValues,
      List<Map<String, String>> tenants,
      List<Map<String, String>> foreignContexts) {}

  /** One generated request: the raw event and, when it carries a valid tenant, which one. */
  record Case(String kind, byte[] event, Optional<Integer> tenant) {
    String describe() {
      String text = new String(event, StandardCharsets.UTF_8);
      return kind + " " + (text.length() > 600 ? text.substring(0, 600) + "...(" + text.length() + " chars)" : text);
    }
  }

  private static final String MARKER = "ZQZRAWZQZ";
  private static final List<byte[]> BROKEN_UTF8 =
      List.of(
          new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
          new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0x80},
          "\\ud800".getBytes(StandardCharsets.US_ASCII), "\\udfff\\ud800".getBytes(StandardCharsets.US_ASCII),
          "\\ud83d".getBytes(StandardCharsets.US_ASCII), new byte[] {0x01}, new byte[] {0x00},
          new byte[] {(byte) 0xe2, (byte) 0x82});
  private static final List<String> NOT_OBJECTS =
      List.of("", " ", "[]", "1", "\"x\"", "null", "true", "{", "}", "[{}]", "{\"httpMethod\":}", "{]", "\u0000");
  private static final List<String> METHODS = List.of("POST", "PUT", "DELETE", "PATCH", "get", "HEAD", "OPTIONS", "");

  private final ApiShape api;
  private final List<String> tokens = new ArrayList<>();

  HostileEvents(ApiShape api) {
    this.api = api;
  }

  /** Keeps a token an earlier response handed out, to be replayed (as is, elsewhere, or mutated) later. */
  void remember(String token) {
    if (tokens.size() < 500) {
      tokens.add(token);
    } else {
      tokens.set(tokens.size() / 2, token);
    }
  }

  Case next(Random random) {
    int roll = random.nextInt(100);
    if (roll < 12) {
      return broken(random);
    }
    if (roll < 20) {
      ProxyEvent event = ProxyEvent.get(api.path());
      context(event, random);
      hostileParameters(event, random);
      return new Case("context", event.bytes(), Optional.empty());
    }
    int tenant = random.nextInt(api.tenants().size());
    ProxyEvent event = ProxyEvent.get(api.path()).authorizer(api.tenants().get(tenant));
    if (roll < 26) {
      validParameters(event, random);
      return new Case("valid", event.bytes(), Optional.of(tenant));
    }
    if (roll < 34) {
      validParameters(event, random);
      event.param("offset", token(random));
      return new Case("token", event.bytes(), Optional.of(tenant));
    }
    if (roll < 37) {
      validParameters(event, random);
      event.method(METHODS.get(random.nextInt(METHODS.size())));
      return new Case("method", event.bytes(), Optional.of(tenant));
    }
    if (roll < 40) {
      validParameters(event, random);
      event.body(random.nextBoolean() ? HostileText.any(random) : "{\"organization\":\"a\",\"customer_id\":\"a\"}");
      return new Case("body", event.bytes(), Optional.of(tenant));
    }
    if (roll < 45) {
      validParameters(event, random);
      event.param(randomName(random), MARKER);
      return new Case("utf8", rawBytes(event.json(), BROKEN_UTF8.get(random.nextInt(BROKEN_UTF8.size()))),
          Optional.of(tenant));
    }
    hostileParameters(event, random);
    if (random.nextBoolean()) {
      // Half the hostile cases also carry an out-of-range page size: they must fail validation, cheaply.
      event.param("limit", List.of("0", "-1", "101", "abc", "1e2", "", "99999999999999999999999").get(random.nextInt(7)));
    }
    if (random.nextInt(1500) == 0) {
      event.param(randomName(random), HostileText.huge(random));
    }
    return new Case("hostile", event.bytes(), Optional.of(tenant));
  }

  private void validParameters(ProxyEvent event, Random random) {
    for (Map.Entry<String, List<String>> p : api.validValues().entrySet()) {
      if (random.nextInt(3) == 0) {
        event.param(p.getKey(), p.getValue().get(random.nextInt(p.getValue().size())));
      }
    }
  }

  private void hostileParameters(ProxyEvent event, Random random) {
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      String name = randomName(random);
      int values = random.nextInt(8) == 0 ? 2 + random.nextInt(3) : 1;
      for (int v = 0; v < values; v++) {
        int kind = random.nextInt(4);
        String value =
            kind == 0 && api.validValues().containsKey(name)
                ? api.validValues().get(name).get(random.nextInt(api.validValues().get(name).size()))
                : kind == 1 ? token(random) : HostileText.any(random);
        event.param(name, value);
      }
    }
    if (random.nextInt(20) == 0) {
      // The tenant may only come from the authorizer: parameters naming one must change nothing.
      api.foreignContexts().get(0).keySet().forEach(k -> event.param(k, "a#b"));
      api.tenants().get(0).keySet().forEach(k -> event.param(k, "a#b"));
    }
  }

  private String randomName(Random random) {
    List<String> known = new ArrayList<>(api.validValues().keySet());
    return random.nextInt(4) == 0 ? HostileText.any(random) : known.get(random.nextInt(known.size()));
  }

  private void context(ProxyEvent event, Random random) {
    switch (random.nextInt(5)) {
      case 0:
        break;
      case 1:
        event.authorizer(Map.of());
        break;
      case 2:
        event.authorizer(api.foreignContexts().get(random.nextInt(api.foreignContexts().size())));
        break;
      case 3:
        Map<String, String> empty = new LinkedHashMap<>();
        api.tenants().get(0).keySet().forEach(k -> empty.put(k, random.nextBoolean() ? "" : "a"));
        empty.put(api.tenants().get(0).keySet().iterator().next(), "");
        event.authorizer(empty);
        break;
      default:
        event.authorizer(Map.of("principalId", "key-1", "integrationLatency", "1"));
        break;
    }
  }

  private String token(Random random) {
    if (tokens.isEmpty() || random.nextInt(4) == 0) {
      return HostileText.randomBase64Url(random, 1 + random.nextInt(300));
    }
    String token = tokens.get(random.nextInt(tokens.size()));
    switch (random.nextInt(4)) {
      case 0:
        return token;
      case 1:
        return TokenMutations.flipped(token, random);
      case 2:
        return TokenMutations.truncated(token, random);
      default:
        return token + HostileText.randomBase64Url(random, 1 + random.nextInt(8));
    }
  }

  private Case broken(Random random) {
    String valid = ProxyEvent.get(api.path()).authorizer(api.tenants().get(0)).param("limit", "2").json();
    switch (random.nextInt(8)) {
      case 0:
        return raw("not-an-object", NOT_OBJECTS.get(random.nextInt(NOT_OBJECTS.size())));
      case 1: {
        int depth = 10 + random.nextInt(3000);
        String nested = "[".repeat(depth) + "]".repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
        return raw("nested", random.nextBoolean()
            ? valid.replace("\"limit\":\"2\"", "\"limit\":" + nested)
            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
      }
      case 2:
        return raw("truncated", valid.substring(0, random.nextInt(valid.length())));
      case 3:
        return raw("no-request-context",
            "{\"httpMethod\":\"GET\",\"path\":\"" + api.path() + "\",\"queryStringParameters\":{\"limit\":\"1\"}}");
      case 4:
        return raw("null-maps",
            "{\"httpMethod\":\"GET\",\"path\":\"" + api.path() + "\",\"headers\":null,\"multiValueHeaders\":null,"
                + "\"queryStringParameters\":null,\"multiValueQueryStringParameters\":null,\"requestContext\":"
                + (random.nextBoolean() ? "null" : "{\"authorizer\":null}") + ",\"body\":null}");
      case 5: {
        List<String> confusions =
            List.of(
                valid.replace("\"multiValueQueryStringParameters\":{\"limit\":[\"2\"]}",
                    "\"multiValueQueryStringParameters\":{\"limit\":\"2\"}"),
                valid.replace("\"multiValueQueryStringParameters\":{\"limit\":[\"2\"]}",
                    "\"multiValueQueryStringParameters\":[1,2]"),
                valid.replace("\"queryStringParameters\":{\"limit\":\"2\"}", "\"queryStringParameters\":\"limit=2\""),
                valid.replace("\"httpMethod\":\"GET\"", "\"httpMethod\":null"),
                valid.replace("\"httpMethod\":\"GET\"", "\"httpMethod\":7"),
                valid.replace("\"authorizer\":{", "\"authorizer\":{\"x\":{\"y\":[1,{}]},"),
                valid.replace("\"authorizer\":{", "\"authorizer\":{\"organization\":5,\"customer_id\":true,"),
                valid.replace("\"requestContext\":{", "\"requestContext\":[],\"x\":{"),
                valid.replace("\"limit\":[\"2\"]", "\"limit\":[null,2,{}]"),
                valid.replace("\"limit\":[\"2\"]", "\"limit\":[]"));
        return raw("type-confusion", confusions.get(random.nextInt(confusions.size())));
      }
      case 6: {
        // A second authorizer object naming another tenant, as a proxy that merges JSON naively might produce.
        Map<String, String> other = api.tenants().get(1 + random.nextInt(api.tenants().size() - 1));
        StringBuilder duplicate = new StringBuilder("\"authorizer\":{");
        other.forEach((k, v) -> duplicate.append('"').append(k).append("\":\"").append(v.replace("\\", "\\\\"))
            .append("\","));
        return raw("duplicate-keys", valid.replace("\"authorizer\":{", duplicate + "\"dup\":1},\"authorizer\":{"));
      }
      default:
        return new Case("random-bytes", randomBytes(random), Optional.empty());
    }
  }

  private static Case raw(String kind, String json) {
    return new Case(kind, json.getBytes(StandardCharsets.UTF_8), Optional.empty());
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] rawBytes(String json, byte[] replacement) {
    byte[] source = json.getBytes(StandardCharsets.UTF_8);
    byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(source.length + 8);
    for (int i = 0; i < source.length; i++) {
      if (i + marker.length <= source.length && Arrays.equals(source, i, i + marker.length, marker, 0,
          marker.length)) {
        out.write(replacement, 0, replacement.length);
        i += marker.length - 1;
      } else {
        out.write(source[i]);
      }
    }
    return out.toByteArray();
  }
}
