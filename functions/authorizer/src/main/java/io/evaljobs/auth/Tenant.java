package io.evaljobs.auth;

import java.util.Map;

/** Whose data an API key may read: the tenant handed to the list functions through the authorizer context. */
public sealed interface Tenant permits Tenant.Organization, Tenant.CustomerProject {

  /** The tenant's entries of the authorizer context, under the names the list functions read. */
  Map<String, String> authorizerContext();

  /** The tenant of the evaluations API. */
  record Organization(String organization) implements Tenant {
    public Organization {
      requireText(organization, "organization");
    }

    @Override
    public Map<String, String> authorizerContext() {
      return Map.of("organization", organization);
    }
  }

  /** The tenant of the scoring API. */
  record CustomerProject(String customerId, String projectId) implements Tenant {
    public CustomerProject {
      requireText(customerId, "customerId");
      requireText(projectId, "projectId");
    }

    @Override
    public Map<String, String> authorizerContext() {
      return Map.of("customer_id", customerId, "project_id", projectId);
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
