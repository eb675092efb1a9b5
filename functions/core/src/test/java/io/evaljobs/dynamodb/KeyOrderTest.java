package io.evaljobs.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
  @Test
  void compare_randomStringsAcrossThePlanes_ordersAsTheirUtf8Bytes() {
    Random random = new Random(3);
    int[] starts = {0x20, 0x7f, 0x800, 0xd7f0, 0xe000, 0xfff0, 0x10000, 0x10fff0};
    for (int i = 0; i < 20_000; i++) {
      String a = random(random, starts);
      String b = random.nextInt(4) == 0 ? a + random(random, starts) : random(random, starts);
      int bytes = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
      assertEquals(bytes, Integer.signum(KeyOrder.compare(a, b)), a + " vs " + b);
      assertEquals(-bytes, Integer.signum(KeyOrder.compare(b, a)), b + " vs " + a);
    }
  }

  private static String random(Random random, int[] starts) {
    StringBuilder out = new StringBuilder();
    for (int n = random.nextInt(4); n >= 0; n--) {
      out.appendCodePoint(starts[random.nextInt(starts.length)] + random.nextInt(16));
    }
    return out.toString();
  }
}
