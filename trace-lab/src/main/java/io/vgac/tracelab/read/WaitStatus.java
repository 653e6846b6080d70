package io.vgac.tracelab.read;

/** What a trace says about a job's wait. */
public enum WaitStatus {
  /** The job started; its wait is known. */
  OBSERVED,
  /**
   * Right-censored: the job was still waiting when the trace ends (an Alibaba pod still Pending). Its wait is at
   * least {@code trace end − submit}; whether that exceeds a threshold decides whether it has a label.
   */
  CENSORED,
  /** The trace does not say (an SWF wait of {@code -1}); such a job gets no label and is not replayed. */
  UNKNOWN
}
