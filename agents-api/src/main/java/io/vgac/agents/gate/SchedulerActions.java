package io.vgac.agents.gate;

/**
 * The scheduler-affecting actions (SPI). Implementations are platform-specific (Slurm, Kubernetes, AWS Batch) and
 * written by users; the embedded default is the dry-run {@link RecordingSchedulerActions}. Only
 * {@link GatedActions} should call it, so that nothing reaches the scheduler without passing the {@link ActionGate}.
 * An implementation may throw: the caller catches and reports it, and the decision stands.
 */
public interface SchedulerActions {

  /** Moves {@code jobId} to {@code targetQueue} (Slurm partition, Batch job queue, Kubernetes queue). */
  void requeue(String clusterId, String jobId, String targetQueue);

  /** Sets the job's priority to {@code priority}, on the scheduler's own scale. */
  void adjustPriority(String clusterId, String jobId, PriorityLevel priority);

  /** Adds a label (annotation, comment) {@code key = value} to the job. */
  void annotate(String clusterId, String jobId, String key, String value);

  /** Holds the job (it will not start) until a human releases it. */
  void hold(String clusterId, String jobId, String reason);

  /** An implementation that does nothing. */
  static SchedulerActions noop() {
    return NoopSchedulerActions.INSTANCE;
  }
}
