package io.evaljobs.paging;

import java.time.Duration;

/** Turns cursors into opaque page tokens and back, for one endpoint. */
public final class PageTokens {
  /** How long a token stays usable, as AWS's own NextTokens do. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  private final PageTokenSealer sealer;
  private final String endpoint;

  public PageTokens(PageTokenSealer sealer, String endpoint) {
    this.sealer = sealer;
    this.endpoint = endpoint;
  }

  public String encode(Cursor cursor, String tenant, String canonicalQuery) {
    return sealer.seal(CursorCodec.encode(cursor), new TokenBinding(endpoint, tenant, canonicalQuery));
  }

  /** The cursor sealed in {@code token}; throws {@link InvalidPageTokenException} for any token not minted for this. */
  public Cursor decode(String token, String tenant, String canonicalQuery) {
    return CursorCodec.decode(sealer.open(token, new TokenBinding(endpoint, tenant, canonicalQuery)));
  }
}
