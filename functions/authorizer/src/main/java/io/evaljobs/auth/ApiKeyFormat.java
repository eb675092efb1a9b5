package io.evaljobs.auth;

/**
 * The shape of every API key: an API's prefix, then exactly 43 characters of the base64url alphabet (256 random
 * bits, unpadded). The authorizer refuses anything else before it reads the key table, so a flood of random or
 * garbage keys costs no DynamoDB read.
 */
public final class ApiKeyFormat {
  /** Characters after the prefix: 32 bytes in unpadded base64url. */
  public static final int BODY_LENGTH = 43;

  private ApiKeyFormat() {}

  /** The API's prefix, so a leaked key says where it belongs. */
  public static String prefix(ApiName api) {
    return api == ApiName.EVALUATIONS ? "ej_eval_" : "ej_score_";
  }

  /**
   * True for a key of either API's shape. A well-formed key of the other API is still looked up: it is answered with
   * that API's Deny rather than as an unknown key.
   */
  public static boolean isWellFormed(String key) {
    for (ApiName api : ApiName.values()) {
      String prefix = prefix(api);
      if (key.length() == prefix.length() + BODY_LENGTH && key.startsWith(prefix)) {
        return isBase64Url(key, prefix.length());
      }
    }
    return false;
  }

  private static boolean isBase64Url(String key, int from) {
    for (int i = from; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
