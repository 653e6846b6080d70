package io.vgac.examples;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.SchedulerType;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.time.Instant;

/**
 * What the examples pretend to know about their clusters. In a real plugin a {@code ClusterTelemetry} adapter reads
 * the state from the scheduler, and the calibration history comes back from the {@code CalibrationStore} (or is
 * replayed from the scheduler's accounting).
 */
public final class ExampleClusters {
  /** Fewer outcomes than this leave a cluster in learning mode (the default autonomy policy's minimum). */
  public static final int LEARNING_BELOW = 50;

  private ExampleClusters() {}

  /** A full 10-node, 80-GPU cluster with 40 jobs queued: a new GPU job is very likely to wait long (p ≈ 0.96). */
  public static ClusterState busy(String cluster, SchedulerType type, Instant now) {
    return new ClusterState(cluster, type, 10, 80, 0, 1.0, 40, 40, 40, now);
  }

  /** The same cluster idle: a new job is unlikely to wait (p ≈ 0.05). */
  public static ClusterState idle(String cluster, SchedulerType type, Instant now) {
    return new ClusterState(cluster, type, 10, 80, 80, 0.0, 0, 0, 0, now);
  }

  /**
   * Records {@code outcomes} past predictions of {@code cluster} that were perfectly calibrated (of the jobs given
   * p = 0.25 one in four waited long, of those given p = 0.75 three in four). With 1000 outcomes the cluster is
   * AUTONOMOUS and qualifies for every tier; with fewer than {@link #LEARNING_BELOW} it is still learning, so the gate
   * escalates whatever is proposed.
   */
  public static void recordCalibratedHistory(EnvironmentTrackers trackers, String cluster, int outcomes) {
    for (int i = 0; i < outcomes; i++) {
      int k = (i / 2) % 4;
      boolean low = i % 2 == 0;
      trackers.update(cluster, low ? 0.25 : 0.75, (low ? k < 1 : k < 3) ? 1 : 0);
    }
  }
}
