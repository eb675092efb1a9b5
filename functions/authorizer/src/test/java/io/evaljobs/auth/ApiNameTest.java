package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.evaljobs.tenant.Tenant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiNameTest {
  @Test
  void forPath_eachApisPath_findsIt() {
    for (ApiName api : ApiName.values()) {
      assertEquals(Optional.of(api), ApiName.forPath(api.path()));
      assertEquals(Optional.of(api), ApiName.forWireName(api.wireName()));
    }
  }

  @Test
  void forPath_anyOtherPath_isEmpty() {
    assertTrue(ApiName.forPath("/evaluations/").isEmpty());
    assertTrue(ApiName.forPath("/v1/evaluations").isEmpty());
    assertTrue(ApiName.forPath("").isEmpty());
    assertTrue(ApiName.forWireName("Evaluations").isEmpty());
  }

  @Test
  void accepts_onlyTheApisOwnKindOfTenant() {
    Tenant organization = new Tenant.Organization("acme");
    Tenant project = new Tenant.CustomerProject("c", "p");

    assertTrue(ApiName.EVALUATIONS.accepts(organization));
    assertFalse(ApiName.EVALUATIONS.accepts(project));
    assertTrue(ApiName.SCORING.accepts(project));
    assertFalse(ApiName.SCORING.accepts(organization));
  }

  @Test
  void wireNamesAndHeaders_areThoseOfTheTemplate() {
    assertEquals("evaluations", ApiName.EVALUATIONS.wireName());
    assertEquals("X-API-Key", ApiName.EVALUATIONS.headerName());
    assertEquals("scoring", ApiName.SCORING.wireName());
    assertEquals("Meibel-API-Key", ApiName.SCORING.headerName());
    assertEquals("/v2/confidence-scoring/jobs", ApiName.SCORING.path());
  }
}
