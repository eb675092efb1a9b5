package io.evaljobs.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.auth.ApiKeyFormat;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoKeysTest {
  @Test
  void everyDemoKey_passesTheAuthorizersKeyFormatCheck_withItsOwnApisPrefix() {
    Set<String> secrets = new HashSet<>();
    for (DemoKeys.DemoKey key : DemoKeys.ALL) {
      assertTrue(ApiKeyFormat.isWellFormed(key.secret()), key.name());
      assertTrue(key.secret().startsWith(ApiKeyFormat.prefix(key.api())), key.name());
      assertTrue(secrets.add(key.secret()), "distinct secrets");
    }
    assertEquals(5, secrets.size());
  }
}
