package io.vgac.agents.store;

import io.vgac.agents.model.Checks;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of a cluster's profile learner, stored with its profile so learning resumes where it stopped: running
 * sums of telemetry, per-hour wait sums, and the wait sketch (a t-digest in its compact byte form, Base64).
 *
 * @param queueSamples telemetry samples of the queue depth (≥ 0)
 * @param queueDepthSum their sum (finite, ≥ 0)
 * @param gpuSamples telemetry samples of GPU utilisation (≥ 0)
 * @param gpuUtilizationSum their sum (finite, in [0, gpuSamples])
 * @param hourWaitCounts waits per submit hour of day (24 counts ≥ 0)
 * @param hourWaitSeconds summed waits per submit hour of day (24 finite values ≥ 0)
 * @param waitDigest the wait sketch (seconds) as Base64 bytes; empty before the first wait
 * @param lastTelemetryAt the latest telemetry time accepted (null before the first), so older or repeated states
 *     are still recognised after a restart
 */
public record ProfileSketch(
    long queueSamples,
    double queueDepthSum,
    long gpuSamples,
    double gpuUtilizationSum,
    long[] hourWaitCounts,
    double[] hourWaitSeconds,
    String waitDigest,
    java.time.@Nullable Instant lastTelemetryAt) {

  public ProfileSketch {
    Checks.nonNegative("queue_samples", queueSamples);
    Checks.nonNegative("queue_depth_sum", queueDepthSum);
    Checks.nonNegative("gpu_samples", gpuSamples);
    Checks.nonNegative("gpu_utilization_sum", gpuUtilizationSum);
    if (gpuUtilizationSum > gpuSamples + 1e-6 * Math.max(1, gpuSamples)) {
      throw new IllegalArgumentException("gpu_utilization_sum must be ≤ gpu_samples (" + gpuSamples + ") but was "
          + gpuUtilizationSum);
    }
    Checks.required("hour_wait_counts", hourWaitCounts);
    Checks.required("hour_wait_seconds", hourWaitSeconds);
    if (hourWaitCounts.length != 24 || hourWaitSeconds.length != 24) {
      throw new IllegalArgumentException("hour_wait_counts and hour_wait_seconds must have 24 entries but had "
          + hourWaitCounts.length + " and " + hourWaitSeconds.length);
    }
    for (int h = 0; h < 24; h++) {
      Checks.nonNegative("hour_wait_counts[" + h + "]", hourWaitCounts[h]);
      Checks.nonNegative("hour_wait_seconds[" + h + "]", hourWaitSeconds[h]);
    }
    Checks.required("wait_digest", waitDigest);
    try {
      Base64.getDecoder().decode(waitDigest);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("wait_digest must be Base64 but was not: " + e.getMessage(), e);
    }
    hourWaitCounts = hourWaitCounts.clone();
    hourWaitSeconds = hourWaitSeconds.clone();
  }

  @Override
  public long[] hourWaitCounts() {
    return hourWaitCounts.clone();
  }

  @Override
  public double[] hourWaitSeconds() {
    return hourWaitSeconds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileSketch s && queueSamples == s.queueSamples
        && Double.compare(queueDepthSum, s.queueDepthSum) == 0 && gpuSamples == s.gpuSamples
        && Double.compare(gpuUtilizationSum, s.gpuUtilizationSum) == 0
        && Arrays.equals(hourWaitCounts, s.hourWaitCounts) && Arrays.equals(hourWaitSeconds, s.hourWaitSeconds)
        && waitDigest.equals(s.waitDigest) && Objects.equals(lastTelemetryAt, s.lastTelemetryAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(queueSamples, queueDepthSum, gpuSamples, gpuUtilizationSum, Arrays.hashCode(hourWaitCounts),
        Arrays.hashCode(hourWaitSeconds), waitDigest, lastTelemetryAt);
  }

  @Override
  public String toString() {
    return "ProfileSketch[queueSamples=" + queueSamples + ", gpuSamples=" + gpuSamples + ", waits="
        + Arrays.stream(hourWaitCounts).sum() + ", lastTelemetryAt=" + lastTelemetryAt + "]";
  }
}
