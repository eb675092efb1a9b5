package io.evaljobs.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyPartsTest {

  @Test
  void join_separatorInsideValues_cannotAliasAnotherTuple() {
    assertNotEquals(KeyParts.join("a#b", "c"), KeyParts.join("a", "b#c"));
    assertNotEquals(KeyParts.join("a\\", "#b"), KeyParts.join("a\\#", "b"));
    assertNotEquals(KeyParts.join("a", ""), KeyParts.join("a#"));
  }

  @Test
  void join_randomTuplesOverAHostileAlphabet_isInjectiveAndSplitUndoesIt() {
    Random random = new Random(42);
    char[] alphabet = {'a', '#', '\\', 'b', '\u00e9'};
    Map<String, List<String>> seen = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      int arity = 1 + random.nextInt(3);
      String[] parts = new String[arity];
      for (int p = 0; p < arity; p++) {
        StringBuilder part = new StringBuilder();
        int length = random.nextInt(4);
        for (int c = 0; c < length; c++) {
          part.append(alphabet[random.nextInt(alphabet.length)]);
        }
        parts[p] = part.toString();
      }
      List<String> tuple = List.of(parts);
      assertEquals(tuple, KeyParts.split(KeyParts.join(parts)), "split must undo join");
      List<String> previous = seen.putIfAbsent(KeyParts.join(parts), tuple);
      if (previous != null) {
        assertEquals(previous, tuple, "two tuples share the key " + KeyParts.join(parts));
      }
    }
  }
}
