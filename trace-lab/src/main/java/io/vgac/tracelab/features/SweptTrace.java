package io.vgac.tracelab.features;

import io.vgac.tracelab.read.Trace;
import java.util.List;

/**
 * A trace after the feature sweep.
 *
 * @param trace the trace
 * @param snapshots one per replayable job (observed or censored wait), in submit order
 * @param capacity the machine's allocatable units used for utilisation (from the trace, or the largest use seen)
 */
public record SweptTrace(Trace trace, List<JobSnapshot> snapshots, int capacity) {
  public SweptTrace {
    snapshots = List.copyOf(snapshots);
  }

  public String name() {
    return trace.name();
  }
}
