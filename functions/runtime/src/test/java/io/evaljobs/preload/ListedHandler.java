package io.evaljobs.preload;

/**
 * A handler with a class list (ListedHandler.classlist among this package's test resources). Top level, so that a test
 * loader can define it without its enclosing class.
 */
final class ListedHandler {}
