package io.evaljobs.listing;

import io.evaljobs.http.ApiResponse;

/**
 * How one API words its failures. The pipeline hands every failure to its endpoint's dialect, so each API's error
 * shape is written in exactly one place.
 */
public interface ErrorDialect {
  /** The response to a typed failure; anything the dialect does not know is a server error. */
  ApiResponse toResponse(RuntimeException failure);

  /** The response to an event that is not an API Gateway proxy event. */
  ApiResponse unreadableEvent();
}
