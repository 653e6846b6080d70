package io.vgac.agents.approvals;

/**
 * Whether a job is still waiting to start: asked by {@link ApprovedActionExecutor} just before an approved action
 * runs, because a job that started, finished or was cancelled while a human decided must not be acted on.
 * Implementations ask the scheduler (or the telemetry cache); one that throws counts as "unknown", and nothing runs.
 */
@FunctionalInterface
public interface JobStatus {

  /** True when {@code jobId} in {@code envId} is still pending (queued, not yet started). */
  boolean isPending(String envId, String jobId);
}
