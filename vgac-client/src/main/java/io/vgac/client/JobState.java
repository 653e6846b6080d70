package io.vgac.client;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The state of a job in the platform's queue ({@code state} of {@code GET /api/jobs/queue}). */
public enum JobState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  /** The platform said {@code unknown}, sent no state, or a state this client does not know. */
  UNKNOWN;

  static JobState fromWire(@Nullable String s) {
    if (s == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN; // a newer platform may add states; they are not "pending"
    }
  }
}
