package io.evaljobs.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryStringsTest {
  private static final String ALPHABET = "abcXYZ019 +&=%#?/é中😀-_.~";

  @Test
  void parse_randomFormEncodedParameters_returnsTheOriginalNamesAndValuesInOrder() {
    Random random = new Random(17);
    for (int round = 0; round < 500; round++) {
      Map<String, List<String>> expected = new LinkedHashMap<>();
      List<String> pairs = new ArrayList<>();
      int count = random.nextInt(6);
      for (int i = 0; i < count; i++) {
        String name = "p" + random.nextInt(4) + text(random);
        String value = text(random);
        expected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
      assertEquals(expected, QueryStrings.parse(Optional.of(String.join("&", pairs))), "round " + round);
    }
  }

  @Test
  void parse_edgeCases_followApiGateway() {
    assertEquals(Map.of(), QueryStrings.parse(Optional.empty()));
    assertEquals(Map.of(), QueryStrings.parse(Optional.of("")));
    assertEquals(Map.of("a", List.of("")), QueryStrings.parse(Optional.of("a")));
    assertEquals(Map.of("a", List.of("x=y")), QueryStrings.parse(Optional.of("a=x=y")));
    assertEquals(Map.of("a", List.of("%zz%4")), QueryStrings.parse(Optional.of("a=%zz%4")));
    assertEquals(Map.of("b", List.of("1")), QueryStrings.parse(Optional.of("&&=3&b=1&")));
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(5);
    int[] codePoints = ALPHABET.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return text.toString();
  }
}
