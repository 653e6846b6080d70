package io.vgac.tracelab.features;

/** A job's long-wait label, as far as the trace can tell. */
public enum Label {
  /** Waited at most the threshold. */
  SHORT,
  /** Waited longer than the threshold (observed, or still pending longer than that when the trace ends). */
  LONG,
  /** Censored before the threshold was reached: it may or may not have waited long. Excluded, and counted. */
  UNKNOWN
}
