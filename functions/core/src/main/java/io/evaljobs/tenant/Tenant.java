package io.evaljobs.tenant;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whose data an API key may read. The authorizer hands the tenant to the list functions in its context, and they
 * read it back from there: both sides name the context's entries here.
 */
public sealed interface Tenant permits Tenant.Organization, Tenant.CustomerProject {
  String ORGANIZATION = "organization";
  String CUSTOMER_ID = "customer_id";
  String PROJECT_ID = "project_id";

  /** The tenant's entries of the authorizer context, under the names the list functions read. */
  Map<String, String> authorizerContext();

  /** The tenant of the evaluations API. */
  record Organization(String organization) implements Tenant {
    public Organization {
      requireText(organization, "organization");
    }

    /** The organization in an authorizer context ({@code context} gives an entry's value); empty if it has none. */
    public static Optional<Organization> in(Function<String, Optional<String>> context) {
      return context.apply(ORGANIZATION).filter(Tenant::hasText).map(Organization::new);
    }

    @Override
    public Map<String, String> authorizerContext() {
      return Map.of(ORGANIZATION, organization);
    }
  }

  /** The tenant of the scoring API. */
  record CustomerProject(String customerId, String projectId) implements Tenant {
    public CustomerProject {
      requireText(customerId, "customerId");
      requireText(projectId, "projectId");
    }

    /** The customer and project in an authorizer context; empty unless it has both. */
    public static Optional<CustomerProject> in(Function<String, Optional<String>> context) {
      Optional<String> customer = context.apply(CUSTOMER_ID).filter(Tenant::hasText);
      Optional<String> project = context.apply(PROJECT_ID).filter(Tenant::hasText);
      if (customer.isEmpty() || project.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new CustomerProject(customer.get(), project.get()));
    }

    @Override
    public Map<String, String> authorizerContext() {
      return Map.of(CUSTOMER_ID, customerId, PROJECT_ID, projectId);
    }
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  private static void requireText(String value, String name) {
    if (!hasText(value)) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
