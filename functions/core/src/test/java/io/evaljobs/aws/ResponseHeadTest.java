package io.evaljobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResponseHeadTest {

  @Test
  void framing_headRequestOrNoContent_hasNoBody() throws IOException {
    assertEquals(ResponseHead.Framing.EMPTY, head(200, "Content-Length", "10").framing(true));
    assertEquals(ResponseHead.Framing.EMPTY, head(204).framing(false));
    assertEquals(ResponseHead.Framing.EMPTY, head(304).framing(false));
  }

  @Test
  void framing_withoutLengthOrChunks_readsUntilClose() throws IOException {
    assertEquals(ResponseHead.Framing.UNTIL_CLOSE, head(200).framing(false));
    assertEquals(ResponseHead.Framing.CHUNKED, head(200, "transfer-encoding", "chunked").framing(false));
    assertEquals(ResponseHead.Framing.LENGTH, head(200, "content-length", "3").framing(false));
  }

  @Test
  void contentLength_conflictingValues_areRefused() {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Content-Length", List.of("3", "4"));
    ResponseHead head = new ResponseHead(200, "OK", true, headers);

    assertThrows(IOException.class, head::contentLength);
  }

  @Test
  void keepsAlive_followsTheVersionAndConnectionHeader() {
    assertFalse(head(200, "Connection", "close").keepsAlive());
    assertFalse(new ResponseHead(200, "OK", false, new TreeMap<>()).keepsAlive());
    assertEquals(true, head(200).keepsAlive());
  }

  private static ResponseHead head(int status, String... nameValues) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < nameValues.length; i += 2) {
      headers.put(nameValues[i], List.of(nameValues[i + 1]));
    }
    return new ResponseHead(status, "", true, headers);
  }
}
