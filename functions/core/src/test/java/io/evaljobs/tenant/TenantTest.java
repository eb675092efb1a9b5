package io.evaljobs.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantTest {
  @Test
  void authorizerContext_readBack_isTheSameTenant() {
    Tenant.Organization organization = new Tenant.Organization("acme");
    Tenant.CustomerProject project = new Tenant.CustomerProject("c1", "p1");
    assertEquals(Optional.of(organization), Tenant.Organization.in(entryOf(organization.authorizerContext())));
    assertEquals(Optional.of(project), Tenant.CustomerProject.in(entryOf(project.authorizerContext())));
  }

  @Test
  void in_contextLackingOrBlankingAnEntry_isEmpty() {
    assertEquals(Optional.empty(), Tenant.Organization.in(entryOf(Map.of("customer_id", "c1"))));
    assertEquals(Optional.empty(), Tenant.Organization.in(entryOf(Map.of("organization", " "))));
    assertEquals(Optional.empty(), Tenant.CustomerProject.in(entryOf(Map.of("customer_id", "c1"))));
    assertEquals(
        Optional.empty(), Tenant.CustomerProject.in(entryOf(Map.of("customer_id", "c1", "project_id", ""))));
  }

  @Test
  void constructors_blankOrMissingIds_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Tenant.Organization(""));
    assertThrows(IllegalArgumentException.class, () -> new Tenant.Organization(null));
    assertThrows(IllegalArgumentException.class, () -> new Tenant.CustomerProject(" ", "p"));
    assertThrows(IllegalArgumentException.class, () -> new Tenant.CustomerProject("c", null));
  }

  private static java.util.function.Function<String, Optional<String>> entryOf(Map<String, String> context) {
    return name -> Optional.ofNullable(context.get(name));
  }
}
