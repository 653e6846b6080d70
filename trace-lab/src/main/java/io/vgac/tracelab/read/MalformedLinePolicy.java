package io.vgac.tracelab.read;

/** What a reader does with a line it cannot parse. */
public enum MalformedLinePolicy {
  /** Throw {@link MalformedTraceException} naming the source, the line and the field (the default). */
  FAIL,
  /** Skip the line and count it in {@link ReadSummary#skipped()}; the first such problem is kept for reporting. */
  SKIP
}
