package io.vgac.client;

import org.jspecify.annotations.Nullable;

/** Checks and hides API keys: a key goes into one header and nowhere else. */
final class ApiKeys {
  private static final String MASK = "***";

  private ApiKeys() {}

  /** Why {@code key} cannot be a bearer token (without quoting it), or null when it can. */
  static @Nullable String problem(String key) {
    if (key.isBlank()) {
      return "must not be blank";
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return "must be printable ASCII without spaces (character " + (i + 1) + " is not)";
      }
    }
    return null;
  }

  /** {@code text} with every occurrence of {@code key} masked (a server may echo it in an error). */
  static String redact(String text, @Nullable String key) {
    return key == null || key.isEmpty() ? text : text.replace(key, MASK);
  }
}
