package io.evaljobs.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One documented response of an operation: the headers it declares and, when it has a body, the body's media type
 * and the JSON pointer of its schema within the document.
 */
record ResponseSpec(String key, List<HeaderSpec> headers, Optional<String> mediaType, Optional<String> schemaPointer) {

  /** A declared response header and the pointer of its schema. */
  record HeaderSpec(String name, boolean required, String schemaPointer) {}

  /**
   * The response documented for {@code status}: the exact code, else its range ({@code 4XX}), else
   * {@code default}; empty when the operation documents none of them.
   */
  static Optional<ResponseSpec> find(JsonNode document, String operationPointer, int status) {
    String responsesPointer = JsonPointers.child(operationPointer, "responses");
    JsonNode responses = document.at(responsesPointer);
    for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
      if (responses.has(key)) {
        return Optional.of(read(document, JsonPointers.child(responsesPointer, key), key));
      }
    }
    return Optional.empty();
  }

  private static ResponseSpec read(JsonNode document, String pointer, String key) {
    String responsePointer = resolve(document, pointer);
    JsonNode response = document.at(responsePointer);
    List<HeaderSpec> headers = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> declared = response.path("headers").fields();
    while (declared.hasNext()) {
      String name = declared.next().getKey();
      String headerPointer =
          resolve(document, JsonPointers.child(JsonPointers.child(responsePointer, "headers"), name));
      headers.add(new HeaderSpec(
          name, document.at(headerPointer).path("required").asBoolean(false),
          JsonPointers.child(headerPointer, "schema")));
    }
    Iterator<String> mediaTypes = response.path("content").fieldNames();
    if (!mediaTypes.hasNext()) {
      return new ResponseSpec(key, List.copyOf(headers), Optional.empty(), Optional.empty());
    }
    String mediaType = mediaTypes.next();
    String schemaPointer =
        JsonPointers.child(JsonPointers.child(JsonPointers.child(responsePointer, "content"), mediaType), "schema");
    return new ResponseSpec(key, List.copyOf(headers), Optional.of(mediaType), Optional.of(schemaPointer));
  }

  /** Follows a local {@code $ref} (e.g. to {@code #/components/headers/...}) to the object it names. */
  private static String resolve(JsonNode document, String pointer) {
    JsonNode node = document.at(pointer);
    for (int hops = 0; node.has("$ref") && hops < 8; hops++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local references are supported, got " + ref);
      }
      pointer = ref.substring(1);
      node = document.at(pointer);
    }
    if (node.isMissingNode()) {
      throw new IllegalStateException("the document has nothing at " + pointer);
    }
    return pointer;
  }
}
