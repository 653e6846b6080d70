package io.vgac.tracelab;

import io.vgac.tracelab.read.ReadSummary;
import io.vgac.tracelab.read.Trace;
import io.vgac.tracelab.read.TraceFormat;
import io.vgac.tracelab.read.TraceHeader;
import io.vgac.tracelab.read.TraceJob;
import io.vgac.tracelab.read.WaitStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Small random traces from a seed: jobs in random file order, many submit-time ties, observed / censored / unknown
 * waits, unknown run and requested times, optional users and queues, with or without a machine size.
 */
public final class RandomTraces {
  private RandomTraces() {}

  /** A trace of {@code n} jobs. */
  public static Trace trace(long seed, int n) {
    Random r = new Random(seed);
    boolean sized = r.nextBoolean();
    List<TraceJob> jobs = new ArrayList<>(n);
    double until = 0;
    for (int i = 0; i < n; i++) {
      long submit = r.nextInt(Math.max(1, n * 20)); // ~20 s apart on average: ties and overlaps
      double u = r.nextDouble();
      WaitStatus status = u < 0.85 ? WaitStatus.OBSERVED : u < 0.95 ? WaitStatus.CENSORED : WaitStatus.UNKNOWN;
      double wait = status == WaitStatus.OBSERVED ? (r.nextInt(4) == 0 ? 0 : r.nextInt(1500)) : Double.NaN;
      double run = r.nextInt(10) == 0 ? Double.NaN : r.nextInt(800);
      double requested = r.nextInt(5) == 0 ? Double.NaN : 1 + r.nextInt(2000);
      String user = r.nextInt(6) == 0 ? null : "u" + r.nextInt(4);
      String queue = r.nextBoolean() ? "default" : "q" + r.nextInt(3);
      jobs.add(new TraceJob("j" + i, submit, status, wait, run, 1 + r.nextInt(16), 0, requested, user, queue));
      until = Math.max(until, submit + (Double.isNaN(wait) ? 0 : wait));
    }
    OptionalInt capacity = sized ? OptionalInt.of(32) : OptionalInt.empty();
    TraceHeader header = new TraceHeader(OptionalLong.of(1_000_000), null, capacity, OptionalInt.of(8), null,
        Map.of());
    return new Trace("rnd-" + seed, TraceFormat.SWF, header, jobs, new ReadSummary(n, n, 0, 0, 0, null),
        1_000_000, capacity, false, until + 1);
  }

  /** The same trace with only {@code jobs} (same header and clock). */
  public static Trace withJobs(Trace t, List<TraceJob> jobs) {
    return new Trace(t.name(), t.format(), t.header(), jobs, t.summary(), t.epochOffsetSeconds(), t.capacity(),
        t.gpuUnits(), t.observedUntil());
  }
}
