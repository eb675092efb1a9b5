package io.evaljobs.auth;

import io.evaljobs.tenant.Tenant;
import java.util.Optional;

/** The two APIs an API key can belong to, with the header that carries the key and the resource path it guards. */
public enum ApiName {
  EVALUATIONS("evaluations", "X-API-Key", "/evaluations"),
  SCORING("scoring", "Meibel-API-Key", "/v2/confidence-scoring/jobs");

  private final String wireName;
  private final String headerName;
  private final String path;

  ApiName(String wireName, String headerName, String path) {
    this.wireName = wireName;
    this.headerName = headerName;
    this.path = path;
  }

  /** As stored in the table's {@code api} attribute and passed in the authorizer context. */
  public String wireName() {
    return wireName;
  }

  public String headerName() {
    return headerName;
  }

  public String path() {
    return path;
  }

  /** The API guarding exactly this resource path, if any. */
  public static Optional<ApiName> forPath(String path) {
    for (ApiName api : values()) {
      if (api.path.equals(path)) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }

  static Optional<ApiName> forWireName(String wireName) {
    for (ApiName api : values()) {
      if (api.wireName.equals(wireName)) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }

  /** Each API partitions its data by its own kind of tenant. */
  boolean accepts(Tenant tenant) {
    return this == EVALUATIONS ? tenant instanceof Tenant.Organization : tenant instanceof Tenant.CustomerProject;
  }
}
