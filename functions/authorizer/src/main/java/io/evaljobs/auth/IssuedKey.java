package io.evaljobs.auth;

/** A newly stored API key together with its plaintext secret, which is shown once and never stored. */
public record IssuedKey(String keyId, String plaintextKey, ApiKeyRecord record) {
  /** Leaves the secret out so that logging an issued key cannot leak it. */
  @Override
  public String toString() {
    return "IssuedKey[keyId=" + keyId + ", record=" + record + "]";
  }
}
