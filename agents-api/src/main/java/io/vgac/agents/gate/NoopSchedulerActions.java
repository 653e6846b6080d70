package io.vgac.agents.gate;

/** {@link SchedulerActions#noop()}. */
enum NoopSchedulerActions implements SchedulerActions {
  INSTANCE;

  @Override
  public void requeue(String clusterId, String jobId, String targetQueue) {}

  @Override
  public void adjustPriority(String clusterId, String jobId, PriorityLevel priority) {}

  @Override
  public void annotate(String clusterId, String jobId, String key, String value) {}

  @Override
  public void hold(String clusterId, String jobId, String reason) {}
}
