package io.evaljobs.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClassPreloaderTest {
  static final AtomicBoolean INITIALIZED = new AtomicBoolean();

  @Test
  void load_loadsEveryListedClassInOrder_withoutInitializingAny() throws Exception {
    RecordingLoader loader = new RecordingLoader();
    List<String> names =
        List.of(NotToBeInitialized.class.getName(), "java.util.concurrent.Phaser", "java.text.ParsePosition");

    ClassPreloader.load(names, loader);

    assertEquals(names, loader.requested);
    assertFalse(INITIALIZED.get(), "a preloaded class must not run its static initializer");
  }

  @Test
  void load_linksEveryListedClass_soItsVerificationHasRun_withoutInitializingIt() throws Exception {
    ChildFirstLoader loader = new ChildFirstLoader(LinkProbe.class.getName());

    ClassPreloader.load(List.of(LinkProbe.class.getName()), loader);

    // Only the verifier asks for these: nothing else in LinkProbe's loading or its constructor names them.
    assertTrue(
        loader.requested.containsAll(List.of(LinkProbe.Wide.class.getName(), LinkProbe.Narrow.class.getName())),
        "verifying LinkProbe.widen loads both types it checks, so the class was linked; asked for: " + loader.requested);
    assertNull(System.getProperty(LinkProbe.INITIALIZED_PROPERTY), "a preloaded class must not run its static initializer");
  }

  @Test
  void load_aClassThisRuntimeLacks_isSkippedAndTheRestStillLoad() throws Exception {
    RecordingLoader loader = new RecordingLoader();

    ClassPreloader.load(List.of("io.evaljobs.NoSuchClass", "java.util.concurrent.Phaser"), loader);

    assertEquals(List.of("io.evaljobs.NoSuchClass", "java.util.concurrent.Phaser"), loader.requested);
  }

  @Test
  void startFor_oneProcessor_startsNothing() {
    assertTrue(ClassPreloader.startFor(ListedHandler.class, 1).isEmpty());
  }

  @Test
  void startFor_twoProcessors_loadsTheHandlersListThroughItsLoader_onADaemonThread() throws Exception {
    ChildFirstLoader loader = new ChildFirstLoader(ListedHandler.class.getName());
    Class<?> handler = loader.loadClass(ListedHandler.class.getName());
    loader.requested.clear();

    Thread loading = ClassPreloader.startFor(handler, 2).orElseThrow();
    loading.join();

    assertEquals(List.of("java.util.concurrent.Phaser", "java.text.ParsePosition"), loader.requested);
    assertEquals("evaljobs-class-preload", loading.getName());
    assertTrue(loading.isDaemon(), "a daemon thread: it never keeps a JVM alive");
  }

  @Test
  void namesFor_readsTheListBesideTheClass_skippingCommentsAndBlankLines() {
    assertEquals(
        List.of("java.util.concurrent.Phaser", "java.text.ParsePosition"), ClassPreloader.namesFor(ListedHandler.class));
  }

  @Test
  void namesFor_aClassWithoutAList_isEmpty() {
    assertTrue(ClassPreloader.namesFor(ClassPreloaderTest.class).isEmpty());
  }

  static final class NotToBeInitialized {
    static {
      INITIALIZED.set(true);
    }
  }

  /** Defines LinkProbe and its nested classes itself, so that what verifying them loads is asked of this loader. */
  private static final class ChildFirstLoader extends ClassLoader {
    final List<String> requested = Collections.synchronizedList(new ArrayList<>());
    private final String prefix;

    ChildFirstLoader(String prefix) {
      super(ClassPreloaderTest.class.getClassLoader());
      this.prefix = prefix;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      requested.add(name);
      if (!name.startsWith(prefix)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        byte[] bytes = classFile(name);
        return defineClass(name, bytes, 0, bytes.length);
      }
    }

    private byte[] classFile(String name) throws ClassNotFoundException {
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Delegates to the test's own loader and records every name asked of it. */
  private static final class RecordingLoader extends ClassLoader {
    final List<String> requested = Collections.synchronizedList(new ArrayList<>());

    RecordingLoader() {
      super(ClassPreloaderTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      requested.add(name);
      return super.loadClass(name, resolve);
    }
  }
}
