package io.evaljobs.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.evaljobs.tables.TemplateDocument;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalAuthorizerTest {
  @Test
  void cacheTtl_isTheTemplatesDefaultAuthorizerCacheTtl() {
    Map<?, ?> parameter = (Map<?, ?>) TemplateDocument.load().section("Parameters").get("AuthorizerCacheTtlSeconds");

    assertEquals(((Number) parameter.get("Default")).longValue(), LocalAuthorizer.CACHE_TTL.toSeconds());
  }
}
