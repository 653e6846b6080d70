package io.vgac.testkit.vgac;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request {@link FakeVgacServer} received, as received (faulted ones too).
 *
 * @param method e.g. {@code GET}
 * @param path the path without the query, e.g. {@code /api/cluster/summary}
 * @param query the raw query; empty when none
 * @param headers header values by lower-case name
 * @param body the request body (UTF-8); empty for a GET
 */
public record RecordedRequest(
    String method, String path, String query, Map<String, List<String>> headers, String body) {

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }
}
