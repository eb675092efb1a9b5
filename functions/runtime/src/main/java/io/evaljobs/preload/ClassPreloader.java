package io.evaljobs.preload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads and links, on a background thread during a function's init, the classes its first invocation will need, from
 * the class list the build trained into its artifact ({@code io.evaljobs.classlists.ClassListTraining}).
 *
 * <p>A cold start is paced by class loading: the main thread builds the DynamoDB client while this thread reads,
 * parses, defines and verifies the request path's classes, which the first invocation then finds linked. Classes are
 * loaded and linked, never initialized, so no static initializer runs out of its usual order or on this thread. Where
 * the artifact holds no list (tests, the local API), nothing starts.
 */
public final class ClassPreloader {
  /** Where the list of a handler class lives: next to it, named after it. */
  public static final String SUFFIX = ".classlist";

  private static final String THREAD_NAME = "evaljobs-class-preload";

  private ClassPreloader() {}

  /**
   * Starts loading the classes listed for {@code handler}, if its artifact lists any and a second processor can load
   * them beside the caller. The list is read on the background thread too, so the caller goes on at once.
   */
  public static void startFor(Class<?> handler) {
    startFor(handler, Runtime.getRuntime().availableProcessors());
  }

  /** On one processor the thread would only take turns with the caller: the same work, in another order. */
  static Optional<Thread> startFor(Class<?> handler, int processors) {
    if (processors < 2) {
      return Optional.empty();
    }
    Thread thread = new Thread(new ListedClasses(handler), THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
    return Optional.of(thread);
  }

  /** The names the artifact lists for {@code handler}, in the order its first invocation loaded them. */
  static List<String> namesFor(Class<?> handler) {
    InputStream list = handler.getResourceAsStream(resourceName(handler));
    return list == null ? List.of() : read(list);
  }

  static String resourceName(Class<?> handler) {
    return handler.getSimpleName() + SUFFIX;
  }

  /** Loads {@code names} through {@code loader}, in order, skipping what it cannot find or link. */
  static void load(List<String> names, ClassLoader loader) {
    for (String name : names) {
      try {
        link(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError notHere) {
        // The list was trained on the build's JDK; a class the runtime's JDK lacks is simply not preloaded. A class
        // that fails to link here fails again, with the same error, where the request path first uses it.
      }
    }
  }

  /**
   * Links {@code type} without initializing it. Loading alone leaves verification to whichever thread first
   * initializes the class, which on the request path is the main one. HotSpot links a class before it lists the
   * class's constructors, and the Java SE API offers no plainer way to ask for linking alone.
   */
  private static void link(Class<?> type) {
    type.getDeclaredConstructors();
  }

  /**
   * What the preloading thread runs. A class of its own, and no lambda or method reference on the way to the thread's
   * start: the JVM's first lambdas set up its method-handle machinery (about 4 ms for the first and 2.5 ms for the
   * second in a fresh JVM here), which would hold up the preloading, and which the SDK's first lambdas pay anyway.
   */
  private static final class ListedClasses implements Runnable {
    private final Class<?> handler;

    ListedClasses(Class<?> handler) {
      this.handler = handler;
    }

    @Override
    public void run() {
      load(namesFor(handler), handler.getClassLoader());
    }
  }

  private static List<String> read(InputStream in) {
    List<String> names = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
