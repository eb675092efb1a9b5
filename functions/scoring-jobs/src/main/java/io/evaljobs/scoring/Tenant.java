package io.evaljobs.scoring;

/** The customer and project an API key belongs to: every read is confined to it. */
record Tenant(String customerId, String projectId) {
  Tenant {
    if (customerId.isEmpty() || projectId.isEmpty()) {
      throw new IllegalArgumentException("a tenant has a customer and a project");
    }
  }
}
