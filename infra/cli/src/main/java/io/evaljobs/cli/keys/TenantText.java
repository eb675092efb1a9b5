package io.evaljobs.cli.keys;

import io.evaljobs.tenant.Tenant;

/** How a tenant reads on the command line's output. */
final class TenantText {
  private TenantText() {}

  static String of(Tenant tenant) {
    if (tenant instanceof Tenant.Organization organization) {
      return "organization=" + organization.organization();
    }
    if (tenant instanceof Tenant.CustomerProject project) {
      return "customer_id=" + project.customerId() + " project_id=" + project.projectId();
    }
    return tenant.toString();
  }
}
