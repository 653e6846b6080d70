package io.vgac.tracelab.read;

import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The header of an SWF log ({@code ; Name: value} comment lines). Every field may be absent: a missing or {@code -1}
 * value is empty/null.
 *
 * @param unixStartTime {@code UnixStartTime}: the Unix time of the trace clock's 0
 * @param timeZone {@code TimeZoneString}, e.g. {@code Europe/Stockholm}
 * @param maxProcs {@code MaxProcs}: processors in the machine
 * @param maxNodes {@code MaxNodes}: nodes in the machine
 * @param acknowledge {@code Acknowledge}: whom the archive asks to acknowledge
 * @param fields every {@code Name: value} pair of the header, in file order (the first wins for a repeated name)
 */
public record TraceHeader(
    OptionalLong unixStartTime,
    @Nullable String timeZone,
    OptionalInt maxProcs,
    OptionalInt maxNodes,
    @Nullable String acknowledge,
    Map<String, String> fields) {

  /** No header at all (CSV traces, SWF logs without one). */
  public static final TraceHeader EMPTY =
      new TraceHeader(OptionalLong.empty(), null, OptionalInt.empty(), OptionalInt.empty(), null, Map.of());

  public TraceHeader {
    fields = Map.copyOf(fields);
  }
}
