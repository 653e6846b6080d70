package io.vgac.agents.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default {@link SchedulerActions}: a dry run that changes nothing and records every call, in order.
 * Thread-safe.
 */
public final class RecordingSchedulerActions implements SchedulerActions {

  /**
   * One recorded call.
   *
   * @param action which method: requeue, adjust_priority, annotate or hold (as {@link ProposedAction})
   * @param clusterId the cluster
   * @param jobId the job
   * @param argument the target queue, the priority level, {@code key=value}, or the hold reason
   */
  public record Call(ProposedAction action, String clusterId, String jobId, String argument) {}

  private final List<Call> calls = new ArrayList<>();

  @Override
  public void requeue(String clusterId, String jobId, String targetQueue) {
    add(new Call(ProposedAction.REQUEUE, clusterId, jobId, targetQueue));
  }

  @Override
  public void adjustPriority(String clusterId, String jobId, PriorityLevel priority) {
    add(new Call(ProposedAction.ADJUST_PRIORITY, clusterId, jobId, priority.name()));
  }

  @Override
  public void annotate(String clusterId, String jobId, String key, String value) {
    add(new Call(ProposedAction.ANNOTATE, clusterId, jobId, key + "=" + value));
  }

  @Override
  public void hold(String clusterId, String jobId, String reason) {
    add(new Call(ProposedAction.HOLD, clusterId, jobId, reason));
  }

  private synchronized void add(Call c) {
    calls.add(c);
  }

  /** The calls so far, oldest first. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized int count() {
    return calls.size();
  }

  public synchronized void clear() {
    calls.clear();
  }
}
