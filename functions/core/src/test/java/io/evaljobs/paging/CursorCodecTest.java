package io.evaljobs.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.evaljobs.dynamodb.Position;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

  @Test
  void decode_encodedCursors_roundTrip() {
    Position anchor = new Position(1, Map.of("organization", "acme", "job_id", "j#1\\x", "created_sk", "1..#j"));
    for (Cursor cursor :
        new Cursor[] {
          Cursor.atOffset(0), Cursor.atOffset(9_999).withTotalCount(12),
          Cursor.after(25, anchor), Cursor.before(50, anchor).withTotalCount(200_000)
        }) {
      assertEquals(cursor, CursorCodec.decode(CursorCodec.encode(cursor)));
    }
  }

  @Test
  void decode_truncatedOrExtended_isMalformed() {
    byte[] encoded = CursorCodec.encode(Cursor.after(3, new Position(0, Map.of("a", "b"))));
    for (int length = 0; length < encoded.length; length++) {
      byte[] truncated = Arrays.copyOf(encoded, length);
      assertThrows(InvalidPageTokenException.class, () -> CursorCodec.decode(truncated));
    }
    byte[] extended = Arrays.copyOf(encoded, encoded.length + 1);
    assertThrows(InvalidPageTokenException.class, () -> CursorCodec.decode(extended));
  }
}
