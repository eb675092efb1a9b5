package io.evaljobs.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.evaljobs.tenant.Tenant;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyRecordTest {
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
