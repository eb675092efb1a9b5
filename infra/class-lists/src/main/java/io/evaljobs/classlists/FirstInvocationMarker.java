package io.evaljobs.classlists;

/**
 * Loaded by the training JVM between a handler's construction and its first invocation, so that the class-load log
 * shows where one ends and the other begins.
 */
final class FirstInvocationMarker {
  private FirstInvocationMarker() {}
}
