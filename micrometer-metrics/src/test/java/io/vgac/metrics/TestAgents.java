package io.vgac.metrics;

import io.vgac.agents.Agents;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.tools.Notifier;
import io.vgac.agents.workflow.WorkflowListener;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Agents on a fixed clock with a fixed p, and outcome feeds of known calibration. */
final class TestAgents {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private TestAgents() {}

  static Agents build(WorkflowListener listener, double p) {
    Agents a = Agents.builder()
        .clock(Clock.fixed(T0, ZoneOffset.UTC))
        .notifier(Notifier.none())
        .predictor((job, state) -> new WaitPrediction(job.jobId(), p, Duration.ofMinutes(20), 0.8, "fixed"))
        .telemetryTtl(Duration.ZERO)
        .listener(listener)
        .build();
    return a;
  }

  static void observe(Agents a, String cluster) {
    a.inMemoryTelemetry().orElseThrow()
        .put(new ClusterState(cluster, SchedulerType.SLURM, 10, 80, 80, 0, 0, 0, 0, T0));
  }

  static Job job(String id, String cluster) {
    return new Job(id, cluster, "alice", "gpu", 4, 8, 32_768, Duration.ofHours(2), 0, T0);
  }

  /** {@code n} outcomes of ECE 0: p = 0.25 and 0.75, each right exactly as often as it says. */
  static void calibrated(EnvironmentTrackers t, String env, int n) {
    for (int i = 0; i < n; i++) {
      int k = (i / 2) % 4;
      t.update(env, i % 2 == 0 ? 0.25 : 0.75, i % 2 == 0 ? (k < 1 ? 1 : 0) : (k < 3 ? 1 : 0), T0.toEpochMilli());
    }
  }

  /** {@code n} outcomes of ECE 0.4: p = 0.9 with half the labels positive. */
  static void miscalibrated(EnvironmentTrackers t, String env, int n) {
    for (int i = 0; i < n; i++) {
      t.update(env, 0.9, i % 2, T0.toEpochMilli());
    }
  }
}
