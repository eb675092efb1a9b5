package io.evaljobs.preload;

/**
 * A class whose verification loads two classes that neither loading it nor listing its constructors does: returning
 * a {@link Narrow} where a {@link Wide} is declared makes the verifier check that one is assignable to the other.
 */
final class LinkProbe {
  static final String INITIALIZED_PROPERTY = "evaljobs.test.linkProbe.initialized";

  static {
    System.setProperty(INITIALIZED_PROPERTY, "true");
  }

  private LinkProbe() {}

  static Wide widen(Narrow narrow) {
    return narrow;
  }

  static class Wide {}

  static final class Narrow extends Wide {}
}
