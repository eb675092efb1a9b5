package io.evaljobs.paging;

/** Where the page token keys come from: fixed keys (local use, tests) or a secret store that rotates them. */
public interface TokenKeySource {

  /** The keys to use now. */
  TokenKeyring keyring();

  /**
   * The keys read again from their store, asked for when a token names a key this source does not know (it may
   * have been rotated in since the keys were read). Sources that cannot re-read, or re-read too recently, answer
   * with the keys they have.
   */
  default TokenKeyring reload() {
    return keyring();
  }

  static TokenKeySource fixed(TokenKeyring keyring) {
    return () -> keyring;
  }
}
