package io.evaljobs.contract;

/** Builds RFC 6901 JSON pointers from plain member names. */
final class JsonPointers {
  private JsonPointers() {}

  static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
