package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantTest {
  @Test
  void authorizerContext_namesTheFieldsTheListFunctionsRead() {
    assertEquals(Map.of("organization", "acme"), new Tenant.Organization("acme").authorizerContext());
    assertEquals(Map.of("customer_id", "c1", "project_id", "p1"),
        new Tenant.CustomerProject("c1", "p1").authorizerContext());
  }

  @Test
  void constructors_blankOrMissingIds_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Tenant.Organization(""));
    assertThrows(IllegalArgumentException.class, () -> new Tenant.Organization(null));
    assertThrows(IllegalArgumentException.class, () -> new Tenant.CustomerProject(" ", "p"));
    assertThrows(IllegalArgumentException.class, () -> new Tenant.CustomerProject("c", null));
  }

  @Test
  void apiKeyRecord_tenantOfTheOtherApi_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ApiKeyRecord("k", ApiName.SCORING,
        new Tenant.Organization("acme"), "n", false, Instant.EPOCH, Optional.empty()));
  }

  @Test
  void issuedKey_toString_leavesTheSecretOut() {
    ApiKeyRecord record = new ApiKeyRecord("k", ApiName.EVALUATIONS, new Tenant.Organization("acme"), "n", false,
        Instant.EPOCH, Optional.empty());

    assertFalse(new IssuedKey("k", "ej_eval_topsecret", record).toString().contains("topsecret"));
  }
}
