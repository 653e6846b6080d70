package io.vgac.agents.store;

import io.vgac.agents.model.Checks;
import java.util.List;

/**
 * What a cluster usually looks like (item {@code CLUSTER#{id}} / {@code PROFILE} of the design's DynamoDB layout).
 *
 * @param clusterId the cluster this profile describes (the item's key; also kept in the value so a profile read
 *     on its own says whose it is)
 * @param avgQueueDepth mean queue depth, finite and ≥ 0
 * @param avgGpuUtilization mean share of GPUs allocated, in [0,1]
 * @param peakHours hours of the day (0–23, UTC) with the longest waits; distinct, kept in ascending order
 * @param typicalWaitMinutes typical wait before a job starts, in minutes, finite and ≥ 0
 */
public record ProfileRecord(
    String clusterId,
    double avgQueueDepth,
    double avgGpuUtilization,
    List<Integer> peakHours,
    double typicalWaitMinutes) {

  /** @throws IllegalArgumentException naming the first invalid field and its value */
  public ProfileRecord {
    Checks.id("cluster_id", clusterId);
    Checks.nonNegative("avg_queue_depth", avgQueueDepth);
    Checks.unit("avg_gpu_utilization", avgGpuUtilization);
    Checks.required("peak_hours", peakHours);
    for (int i = 0; i < peakHours.size(); i++) {
      Integer h = peakHours.get(i);
      if (h == null || h < 0 || h > 23) {
        throw new IllegalArgumentException("peak_hours[" + i + "] must be an hour in [0,23] but was " + h);
      }
    }
    // Sorted and distinct, so equal profiles are equal values whatever order the producer used.
    List<Integer> sorted = peakHours.stream().sorted().distinct().toList();
    if (sorted.size() != peakHours.size()) {
      throw new IllegalArgumentException("peak_hours must be distinct but was " + peakHours);
    }
    peakHours = sorted;
    Checks.nonNegative("typical_wait_minutes", typicalWaitMinutes);
  }
}
