package io.vgac.agents.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vgac.agents.model.Checks;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a cluster usually looks like (item {@code CLUSTER#{id}} / {@code PROFILE} of the design's DynamoDB layout).
 *
 * <p>The first five fields are the design's; the last three were added for learned profiles and are optional (null),
 * so a profile written before them still reads.
 *
 * @param clusterId the cluster this profile describes (the item's key; also kept in the value so a profile read
 *     on its own says whose it is)
 * @param avgQueueDepth mean queue depth, finite and ≥ 0
 * @param avgGpuUtilization mean share of GPUs allocated, in [0,1]
 * @param peakHours hours of the day (0–23, UTC) with the longest waits; distinct, kept in ascending order
 * @param typicalWaitMinutes typical wait before a job starts, in minutes, finite and ≥ 0
 * @param updatedAt when the profile was last updated (null: unknown, e.g. written before this field existed)
 * @param waitQuantiles quantiles of the waits in minutes (null when not learned)
 * @param sketch the learner's state, so learning resumes after a restart (null for a profile set by hand)
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // a profile without the optional fields is written as the design's item
public record ProfileRecord(
    String clusterId,
    double avgQueueDepth,
    double avgGpuUtilization,
    List<Integer> peakHours,
    double typicalWaitMinutes,
    @Nullable Instant updatedAt,
    @Nullable WaitQuantiles waitQuantiles,
    @Nullable ProfileSketch sketch) {

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

  /** A profile of the design's four metrics only (no time, quantiles or learner state). */
  public ProfileRecord(String clusterId, double avgQueueDepth, double avgGpuUtilization, List<Integer> peakHours,
      double typicalWaitMinutes) {
    this(clusterId, avgQueueDepth, avgGpuUtilization, peakHours, typicalWaitMinutes, null, null, null);
  }
}
