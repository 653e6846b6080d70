package io.vgac.tracelab.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Standard Workload Format log line by line: the {@code ;} header into a {@link TraceHeader}, every job line
 * (18 whitespace-separated numeric fields; {@code -1} = unknown) into a {@link TraceJob} handed to a consumer, so a
 * log of any size streams through in constant memory.
 *
 * <p>Mapping: id = field 1; submit = 2; wait = 3 ({@code -1} → {@link WaitStatus#UNKNOWN}); run = 4; processors =
 * requested (8) when known, else allocated (5); requested time = 9; user = 12; queue = {@code q<15>} and/or
 * {@code p<16>} (queue and partition numbers), {@code default} when both are unknown. A line is malformed when it does
 * not have exactly 18 fields, a field is not a finite number, the submit time is negative, or a time is below
 * {@code -1}.
 */
public final class SwfReader {
  /** The 18 SWF fields, by the names error messages use. */
  static final String[] FIELDS = {
    "job_number", "submit_time", "wait_time", "run_time", "allocated_processors", "average_cpu_time",
    "used_memory", "requested_processors", "requested_time", "requested_memory", "status", "user_id", "group_id",
    "executable", "queue", "partition", "preceding_job", "think_time"
  };

  private SwfReader() {}

  /** The header and what was read. */
  public record Result(TraceHeader header, ReadSummary summary, double observedUntil) {}

  /**
   * Streams {@code in}.
   *
   * @param source how messages name the input (a file name)
   * @throws MalformedTraceException under {@link MalformedLinePolicy#FAIL}, for the first malformed line
   * @throws IOException when reading fails
   */
  public static Result read(BufferedReader in, String source, MalformedLinePolicy policy, Consumer<TraceJob> sink)
      throws IOException {
    Map<String, String> header = new LinkedHashMap<>();
    LineFields f = new LineFields(FIELDS.length);
    double[] v = new double[FIELDS.length];
    long lineNo = 0;
    long jobs = 0;
    long skipped = 0;
    long unknown = 0;
    double until = 0;
    MalformedTraceException first = null;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.charAt(0) == ';') {
        headerField(t, header);
        continue;
      }
      TraceJob job;
      try {
        job = parse(f, line, v, source, lineNo);
      } catch (MalformedTraceException e) {
        if (policy == MalformedLinePolicy.FAIL) {
          throw e;
        }
        skipped++;
        if (first == null) {
          first = e;
        }
        continue;
      }
      jobs++;
      if (job.waitStatus() == WaitStatus.UNKNOWN) {
        unknown++;
        until = Math.max(until, job.submit());
      } else {
        double end = job.start() + (Double.isNaN(job.run()) ? 0 : job.run());
        until = Math.max(until, end);
      }
      sink.accept(job);
    }
    return new Result(header(header), new ReadSummary(lineNo, jobs, skipped, 0, unknown, first), until);
  }

  private static TraceJob parse(LineFields f, String line, double[] v, String source, long lineNo) {
    int n = f.splitWhitespace(line);
    if (n != FIELDS.length) {
      throw new MalformedTraceException(source, lineNo, "", (n > FIELDS.length ? "more than" : n + " fields, not")
          + " " + FIELDS.length + " fields");
    }
    for (int i = 0; i < FIELDS.length; i++) {
      try {
        v[i] = f.number(i);
      } catch (NumberFormatException e) {
        throw new MalformedTraceException(source, lineNo, FIELDS[i], "not a number: '" + f.text(i) + "'");
      }
    }
    if (v[1] < 0) {
      throw new MalformedTraceException(source, lineNo, FIELDS[1], "negative submit time: " + f.text(1));
    }
    for (int i : new int[] {2, 3, 8}) {
      if (v[i] < -1) {
        throw new MalformedTraceException(source, lineNo, FIELDS[i], "below -1: " + f.text(i));
      }
    }
    WaitStatus status = v[2] < 0 ? WaitStatus.UNKNOWN : WaitStatus.OBSERVED;
    double wait = status == WaitStatus.OBSERVED ? v[2] : Double.NaN;
    int processors = (int) Math.max(0, Math.min(Integer.MAX_VALUE, v[7] > 0 ? v[7] : v[4]));
    String user = v[11] >= 0 ? Long.toString((long) v[11]) : null;
    return new TraceJob(f.text(0), (long) Math.floor(v[1]), status, wait, v[3] < 0 ? Double.NaN : v[3], processors,
        0, v[8] <= 0 ? Double.NaN : v[8], user, queue((long) v[14], (long) v[15]));
  }

  private static String queue(long queue, long partition) {
    if (queue < 0 && partition < 0) {
      return "default";
    }
    if (partition < 0) {
      return "q" + queue;
    }
    return queue < 0 ? "p" + partition : "q" + queue + "/p" + partition;
  }

  private static void headerField(String t, Map<String, String> header) {
    String body = t.substring(1).strip();
    int colon = body.indexOf(':');
    if (colon <= 0) {
      return;
    }
    String name = body.substring(0, colon).strip();
    if (name.isEmpty() || name.indexOf(' ') >= 0) {
      return; // prose continuation lines, not "Name: value"
    }
    header.putIfAbsent(name, body.substring(colon + 1).strip());
  }

  static TraceHeader header(Map<String, String> h) {
    return new TraceHeader(longField(h.get("UnixStartTime")), text(h.get("TimeZoneString")),
        intField(h.get("MaxProcs")), intField(h.get("MaxNodes")), text(h.get("Acknowledge")), h);
  }

  private static @Nullable String text(@Nullable String v) {
    return v == null || v.isEmpty() || v.equals("-1") ? null : v;
  }

  private static OptionalLong longField(@Nullable String v) {
    try {
      long l = v == null ? -1 : Long.parseLong(v.trim());
      return l < 0 ? OptionalLong.empty() : OptionalLong.of(l);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static OptionalInt intField(@Nullable String v) {
    OptionalLong l = longField(v);
    return l.isPresent() && l.getAsLong() > 0 && l.getAsLong() <= Integer.MAX_VALUE
        ? OptionalInt.of((int) l.getAsLong()) : OptionalInt.empty();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
