package io.evaljobs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
  @Test
  void object_nestedDocument_readsMapsInDocumentOrderListsAndScalars() {
    Map<String, Object> tree =
        JsonTree.object("{\"z\":{\"b\":[1,2.5,\"x\",true,false,null]},\"a\":\"\\u00e9\",\"n\":null,\"big\":-3e2}");

    assertEquals(List.of("z", "a", "n", "big"), List.copyOf(tree.keySet()));
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("b", Arrays.asList(1.0, 2.5, "x", true, false, null));
    assertEquals(inner, tree.get("z"));
    assertEquals("\u00e9", tree.get("a"));
    assertNull(tree.get("n"));
    assertEquals(-300.0, tree.get("big"));
  }

  @Test
  void object_duplicateField_fails() {
    assertThrows(AssertionError.class, () -> JsonTree.object("{\"a\":1,\"a\":2}"));
    assertThrows(AssertionError.class, () -> JsonTree.object("{\"a\":null,\"a\":2}"));
    assertThrows(AssertionError.class, () -> JsonTree.object("{\"o\":{\"a\":[],\"a\":[]}}"));
  }

  @Test
  void object_notOneJsonObject_fails() {
    for (String notAnObject : List.of("[1]", "\"text\"", "{\"a\":1} {}", "{\"a\":", "", "{'a':1}")) {
      assertThrows(AssertionError.class, () -> JsonTree.object(notAnObject), notAnObject);
    }
  }

  @Test
  void value_anyJsonValue_isReadWhole() {
    assertEquals(List.of("a", List.of()), JsonTree.value("[\"a\",[]]"));
    assertEquals(7.0, JsonTree.value(" 7 "));
    assertNull(JsonTree.value("null"));
  }
}
