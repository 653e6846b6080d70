package io.vgac.tracelab.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads the Alibaba GPU 2023 pod list ({@code name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,
 * creation_time,deletion_time,scheduled_time}; times are relative seconds).
 *
 * <p>Mapping: submit = creation_time; wait = scheduled_time − creation_time; a pod with an empty scheduled_time is
 * still Pending at the end of the trace: {@link WaitStatus#CENSORED}, never dropped. Run = deletion_time −
 * scheduled_time (NaN when deletion is empty); processors = ⌈cpu_milli / 1000⌉; gpus = num_gpu; queue = qos; no user
 * and no requested time. The header line must name these columns (in any order; extra columns are ignored).
 */
public final class AlibabaPodReader {
  static final String[] COLUMNS = {
    "name", "cpu_milli", "memory_mib", "num_gpu", "gpu_milli", "gpu_spec", "qos", "pod_phase", "creation_time",
    "deletion_time", "scheduled_time"
  };

  private AlibabaPodReader() {}

  /** What was read, and the last time stamp of the trace. */
  public record Result(ReadSummary summary, double observedUntil) {}

  /**
   * Streams {@code in}.
   *
   * @throws MalformedTraceException for a bad header (always) or, under {@link MalformedLinePolicy#FAIL}, the first
   *     malformed row
   */
  public static Result read(BufferedReader in, String source, MalformedLinePolicy policy, Consumer<TraceJob> sink)
      throws IOException {
    String head = in.readLine();
    if (head == null) {
      throw new MalformedTraceException(source, 1, "", "empty file: expected the header " + String.join(",", COLUMNS));
    }
    if (!head.isEmpty() && head.charAt(0) == '\uFEFF') {
      head = head.substring(1);
    }
    String[] names = head.split(",", -1);
    int[] col = new int[COLUMNS.length];
    for (int c = 0; c < COLUMNS.length; c++) {
      col[c] = -1;
      for (int i = 0; i < names.length; i++) {
        if (names[i].strip().equals(COLUMNS[c])) {
          col[c] = i;
        }
      }
      if (col[c] < 0) {
        throw new MalformedTraceException(source, 1, COLUMNS[c], "missing from the header (columns: " + head + ")");
      }
    }
    LineFields f = new LineFields(names.length);
    long lineNo = 1;
    long jobs = 0;
    long skipped = 0;
    long censored = 0;
    double until = 0;
    MalformedTraceException first = null;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      TraceJob job;
      try {
        job = parse(f, line, names.length, col, source, lineNo);
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
      if (job.waitStatus() == WaitStatus.CENSORED) {
        censored++;
        until = Math.max(until, job.submit());
      } else {
        until = Math.max(until, job.start() + (Double.isNaN(job.run()) ? 0 : job.run()));
      }
      sink.accept(job);
    }
    return new Result(new ReadSummary(lineNo, jobs, skipped, censored, 0, first), until);
  }

  private static TraceJob parse(LineFields f, String line, int width, int[] col, String source, long lineNo) {
    int n = f.splitComma(line);
    if (n != width) {
      throw new MalformedTraceException(source, lineNo, "", (n > width ? "more than " + width : n) + " fields but"
          + " the header has " + width);
    }
    String name = f.text(col[0]);
    if (name.isEmpty()) {
      throw new MalformedTraceException(source, lineNo, "name", "empty");
    }
    double cpuMilli = number(f, col, 1, source, lineNo);
    double gpus = number(f, col, 3, source, lineNo);
    double created = number(f, col, 8, source, lineNo);
    double deleted = f.isEmpty(col[9]) ? Double.NaN : number(f, col, 9, source, lineNo);
    String qos = f.text(col[6]);
    if (f.isEmpty(col[10])) {
      return new TraceJob(name, (long) created, WaitStatus.CENSORED, Double.NaN, Double.NaN, cpus(cpuMilli),
          (int) gpus, Double.NaN, null, qos.isEmpty() ? "default" : qos);
    }
    double scheduled = number(f, col, 10, source, lineNo);
    if (scheduled < created) {
      throw new MalformedTraceException(source, lineNo, "scheduled_time", "before creation_time (" + f.text(col[8])
          + "): " + f.text(col[10]));
    }
    double run = Double.isNaN(deleted) || deleted < scheduled ? Double.NaN : deleted - scheduled;
    return new TraceJob(name, (long) created, WaitStatus.OBSERVED, scheduled - (long) created, run, cpus(cpuMilli),
        (int) gpus, Double.NaN, null, qos.isEmpty() ? "default" : qos);
  }

  private static int cpus(double milli) {
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(milli / 1000));
  }

  private static double number(LineFields f, int[] col, int c, String source, long lineNo) {
    double v;
    try {
      v = f.number(col[c]);
    } catch (NumberFormatException e) {
      throw new MalformedTraceException(source, lineNo, COLUMNS[c], "not a number: '" + f.text(col[c]) + "'");
    }
    if (v < 0) {
      throw new MalformedTraceException(source, lineNo, COLUMNS[c], "negative: " + f.text(col[c]));
    }
    return v;
  }
}
