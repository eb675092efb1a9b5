package io.evaljobs.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.evaljobs.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseBytesTest {
  @Test
  void worstCase_randomHostileStrings_boundsWhatTheJsonWriterWrites() throws IOException {
    Random random = new Random(11);
    // Control characters, quotes, backslashes, non-ASCII and surrogate pairs: everything that grows when written.
    char[] alphabet = {'\u0000', '\u0001', '\u001f', '"', '\\', 'a', '\u00e9', '\u20ac', '\uD83D', '\uDE00', '\u2028'};
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(300);
      for (int c = 0; c < length; c++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String value = text.toString();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
        json.writeString(value);
      }
      long bound = ResponseBytes.worstCase(List.of(value)) - 1_024;
      assertTrue(out.size() <= bound, "wrote " + out.size() + " bytes, bound " + bound + " for " + value);
    }
  }

  @Test
  void fitting_itemsWithinTheBudget_allKept() {
    assertEquals(3, ResponseBytes.fitting(List.of(1_000L, 2_000L, 3_000L)));
  }

  @Test
  void fitting_itemsBeyondTheBudget_cutBeforeTheFirstThatOverflows() {
    long third = ResponseBytes.BUDGET / 3;
    assertEquals(2, ResponseBytes.fitting(List.of(third, third, third + 10, 5L)));
  }

  @Test
  void fitting_firstItemAloneOverTheBudget_stillKeepsOne() {
    assertEquals(1, ResponseBytes.fitting(List.of(ResponseBytes.BUDGET + 1, 1L)));
  }
}
