package io.vgac.client;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** The platform could not be reached or could not serve the request: connection refused or reset, HTTP 5xx, or 429 (rate limited). */
public final class PlatformUnavailableException extends VgacClientException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable Duration retryAfter;

  PlatformUnavailableException(String endpoint, String message, Throwable cause) {
    super(endpoint, message, cause);
    this.status = 0;
    this.retryAfter = null;
  }

  PlatformUnavailableException(String endpoint, String message, int status, @Nullable Duration retryAfter) {
    super(endpoint, message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status (5xx or 429); empty when no response was received. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The wait the server asked for in {@code Retry-After} (not yet capped); empty when it asked for none. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
