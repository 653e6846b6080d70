package io.vgac.tracelab.read;

import org.jspecify.annotations.Nullable;

/**
 * One job of a trace, as the trace records it. Times are seconds on the trace's own clock ({@link Trace#epochOffsetSeconds()}
 * turns them into Unix time). Unknown numbers are NaN (doubles) or 0 (counts), never {@code -1}.
 *
 * @param id the job's id in the trace (SWF job number, pod name)
 * @param submit submit time, seconds on the trace clock
 * @param waitStatus whether {@code waitTime} is known
 * @param waitTime seconds from submit to start when {@link WaitStatus#OBSERVED}, else NaN
 * @param run run time in seconds; NaN when unknown
 * @param processors processors requested (allocated when the request is unknown); 0 when unknown
 * @param gpus GPUs requested (0 for CPU-only traces)
 * @param requestedTime requested wall time in seconds; NaN when none is recorded
 * @param user the submitting user, or null when the trace has none
 * @param queue the queue or partition name ({@code default} when the trace has none)
 */
public record TraceJob(
    String id,
    long submit,
    WaitStatus waitStatus,
    double waitTime,
    double run,
    int processors,
    int gpus,
    double requestedTime,
    @Nullable String user,
    String queue) {

  public TraceJob {
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    if (waitStatus == WaitStatus.OBSERVED ? !(waitTime >= 0) : !Double.isNaN(waitTime)) {
      throw new IllegalArgumentException("wait must be ≥ 0 when observed and NaN otherwise but was " + waitTime
          + " (" + waitStatus + ")");
    }
    if (processors < 0 || gpus < 0) {
      throw new IllegalArgumentException("processors and gpus must be ≥ 0 but were " + processors + ", " + gpus);
    }
  }

  /** The start time on the trace clock when the wait is observed, else NaN. */
  public double start() {
    return submit + waitTime;
  }
}
