package io.evaljobs.bench;

import java.nio.file.Path;
import java.util.Map;

/** One deployable function: its shaded jar, handler class, a realistic event and its Lambda environment. */
record FunctionUnderTest(String name, Path jar, String handlerClass, Path event, Map<String, String> environment) {
  FunctionUnderTest {
    environment = Map.copyOf(environment);
  }
}
