package io.evaljobs.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SortKeyConditionTest {
  // Short keys over few characters, two of them outside the BMP or multi-byte, so that prefixes and ties are common.
  private static final String[] UNITS = {"0", "1", "#", "a", "\u00e9", "\ud83d\ude00"};

  private static int bytewise(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** A key condition as DynamoDB evaluates it: UTF-8 byte order, BETWEEN inclusive, begins_with on the characters. */
  private static boolean matches(SortKeyCondition condition, String key) {
    if (condition instanceof SortKeyCondition.Between between) {
      return bytewise(between.lowest(), key) <= 0 && bytewise(key, between.highest()) <= 0;
    }
    return key.startsWith(((SortKeyCondition.BeginsWith) condition).prefix());
  }

  private static String randomKey(Random random) {
    StringBuilder key = new StringBuilder();
    for (int i = random.nextInt(5); i >= 0; i--) {
      key.append(UNITS[random.nextInt(UNITS.length)]);
    }
    return key.toString();
  }

  private static SortKeyCondition randomCondition(Random random) {
    if (random.nextBoolean()) {
      return SortKeyCondition.beginsWith(UNITS[random.nextInt(UNITS.length)]);
    }
    String a = randomKey(random);
    String b = randomKey(random);
    return bytewise(a, b) <= 0 ? SortKeyCondition.between(a, b) : SortKeyCondition.between(b, a);
  }

  @Test
  void resumingAt_randomRunsAndResumePoints_givesTheSameItemsAfterTheStartKeyAndNoneOutsideTheRun() {
    Random random = new Random(21);
    int narrowed = 0;
    for (int run = 0; run < 2_000; run++) {
      SortKeyCondition condition = randomCondition(random);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        keys.add(randomKey(random));
      }
      List<String> inRun = keys.stream().filter(key -> matches(condition, key)).toList();
      if (inRun.isEmpty()) {
        continue;
      }
      String resumeAfter = inRun.get(random.nextInt(inRun.size()));
      boolean forward = random.nextBoolean();
      SortKeyCondition resumed = condition.resumingAt(resumeAfter, forward);
      narrowed += resumed.equals(condition) ? 0 : 1;
      assertEquals(true, matches(resumed, resumeAfter), "the start key stays inside " + resumed);
      for (String key : keys) {
        int side = bytewise(key, resumeAfter);
        boolean notYetPassed = forward ? side >= 0 : side <= 0;
        String label = condition + " resumed " + (forward ? "forwards" : "backwards") + " at " + resumeAfter + ": " + key;
        assertEquals(matches(condition, key) && notYetPassed, matches(resumed, key) && notYetPassed, label);
        assertEquals(true, !matches(resumed, key) || matches(condition, key), "outside the run: " + label);
        if (resumed instanceof SortKeyCondition.Between) {
          assertEquals(false, matches(resumed, key) && !notYetPassed, "an item already read: " + label);
        }
      }
    }
    assertEquals(true, narrowed > 1_000, "most resumed runs are narrowed, were " + narrowed);
  }

  @Test
  void resumingAt_beginsWithForwards_keepsTheWholeRun() {
    SortKeyCondition run = SortKeyCondition.beginsWith("1");
    assertSame(run, run.resumingAt("1#2024", true));
  }

  @Test
  void resumingAt_beginsWithBackwards_becomesBetweenThePrefixAndTheResumePoint() {
    assertEquals(SortKeyCondition.between("1", "1#2024"), SortKeyCondition.beginsWith("1").resumingAt("1#2024", false));
  }

  @Test
  void resumingAt_between_movesTheBoundOnTheSideAlreadyRead() {
    SortKeyCondition run = SortKeyCondition.between("1#2024-01", "1#2024-12");
    assertEquals(SortKeyCondition.between("1#2024-06", "1#2024-12"), run.resumingAt("1#2024-06", true));
    assertEquals(SortKeyCondition.between("1#2024-01", "1#2024-06"), run.resumingAt("1#2024-06", false));
  }

  @Test
  void render_between_givesInclusiveBetweenOnTheNamedKeyWithBothBounds() {
    Map<String, AttributeValue> values = new HashMap<>();
    String expression = SortKeyCondition.between("1#a", "1#z").render("#sk", values);
    assertEquals("#sk BETWEEN :lo AND :hi", expression);
    assertEquals(Map.of(":lo", AttributeValue.fromS("1#a"), ":hi", AttributeValue.fromS("1#z")), values);
  }

  @Test
  void render_beginsWith_givesBeginsWithOnTheNamedKeyAndKeepsOtherValues() {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS("org")));
    String expression = SortKeyCondition.beginsWith("0#").render("#sk", values);
    assertEquals("begins_with(#sk, :prefix)", expression);
    assertEquals(Map.of(":pk", AttributeValue.fromS("org"), ":prefix", AttributeValue.fromS("0#")), values);
  }
}
