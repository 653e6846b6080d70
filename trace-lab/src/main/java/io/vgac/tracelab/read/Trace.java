package io.vgac.tracelab.read;

import java.util.List;
import java.util.OptionalInt;

/**
 * A whole trace in memory: its jobs in file order and what is known about the machine.
 *
 * @param name a short name (the file name without directory and extensions, e.g. {@code KTH-SP2-1996-2.1-cln})
 * @param format the file's format
 * @param header the SWF header ({@link TraceHeader#EMPTY} for CSV traces)
 * @param jobs every job delivered, in file order
 * @param summary what the reader saw
 * @param epochOffsetSeconds added to a trace time to get Unix time: {@code UnixStartTime} for SWF logs that have
 *     it, else 0 (Polaris' submit times already are Unix times; Alibaba's are relative seconds)
 * @param capacity the allocatable units of the machine: processors ({@code MaxProcs}) for SWF, GPUs for the Alibaba
 *     trace; empty when the trace does not say
 * @param gpuUnits whether {@link #capacity} and the jobs' main request count GPUs (else processors)
 * @param observedUntil the last time stamp the trace records (trace clock): censored waits run until then
 */
public record Trace(
    String name,
    TraceFormat format,
    TraceHeader header,
    List<TraceJob> jobs,
    ReadSummary summary,
    long epochOffsetSeconds,
    OptionalInt capacity,
    boolean gpuUnits,
    double observedUntil) {

  public Trace {
    jobs = List.copyOf(jobs);
  }

  /** The same trace with only the first {@code n} jobs (in file order); for quick runs. */
  public Trace head(int n) {
    if (n >= jobs.size()) {
      return this;
    }
    List<TraceJob> first = jobs.subList(0, n);
    double until = 0;
    for (TraceJob j : first) {
      until = Math.max(until, Math.max(j.submit(), Double.isNaN(j.start()) ? 0 : j.start()));
    }
    return new Trace(name, format, header, first, summary, epochOffsetSeconds, capacity, gpuUnits, until);
  }
}
