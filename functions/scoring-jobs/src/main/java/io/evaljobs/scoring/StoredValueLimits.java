package io.evaljobs.scoring;

import io.evaljobs.dynamodb.StorableText;

/**
 * Bounds on what a stored job may hold. Identifiers stay far below DynamoDB's 2048-byte partition key limit even
 * when joined with the tenant, so a filter value beyond them can be answered without asking DynamoDB.
 */
public final class StoredValueLimits {
  public static final int MAX_ID_BYTES = 512;
  public static final int MAX_EXPLANATION_BYTES = 16 * 1024;

  private StoredValueLimits() {}

  /** Whether {@code value} could be a stored identifier: well-formed Unicode of at most MAX_ID_BYTES. */
  public static boolean fitsIdentifier(String value) {
    return StorableText.isWellFormed(value) && StorableText.utf8Length(value) <= MAX_ID_BYTES;
  }
}
