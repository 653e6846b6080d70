package io.vgac.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait asked for, ≥ 0; null when the header is absent or not understood (then only backoff applies). */
  static @Nullable Duration parse(@Nullable String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L); // absurdly large: capped by the caller
      }
    }
    try {
      Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
