package io.vgac.slack;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.log.InMemoryDecisionLog;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.tools.Notifier;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Agents on a fixed clock with a settable p, recording scheduler and log, and outcome feeds of known ECE. */
final class TestAgents {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  final RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
  final InMemoryDecisionLog log = new InMemoryDecisionLog();
  volatile double p = 0.95;

  Agents build(Notifier notifier) {
    return Agents.builder().clock(clock).scheduler(scheduler).decisionLog(log).notifier(notifier)
        .predictor((job, state) -> new WaitPrediction(job.jobId(), p, Duration.ofMinutes(20), 0.8, "fixed"))
        .telemetryTtl(Duration.ZERO).build();
  }

  static void observe(Agents a, String cluster) {
    a.inMemoryTelemetry().orElseThrow()
        .put(new ClusterState(cluster, SchedulerType.SLURM, 10, 80, 80, 0, 0, 0, 0, T0));
  }

  static Job job(String id, String cluster) {
    return new Job(id, cluster, "alice", "gpu", 4, 8, 32_768, Duration.ofHours(2), 0, T0);
  }

  /** {@code n} outcomes of ECE 0 when n is a multiple of 8 (p = 0.25 and 0.75, each right as often as it says). */
  static void calibrated(EnvironmentTrackers t, String env, int n) {
    for (int i = 0; i < n; i++) {
      int k = (i / 2) % 4;
      t.update(env, i % 2 == 0 ? 0.25 : 0.75, i % 2 == 0 ? (k < 1 ? 1 : 0) : (k < 3 ? 1 : 0), T0.toEpochMilli());
    }
  }

  /** {@code n} outcomes with ECE ≈ {@code ece}: p = 0.5 with a positive rate of 0.5 + ece. */
  static void withEce(EnvironmentTrackers t, String env, int n, double ece) {
    int positives = (int) Math.round(100 * (0.5 + ece));
    for (int i = 0; i < n; i++) {
      t.update(env, 0.5, i % 100 < positives ? 1 : 0, T0.toEpochMilli());
    }
  }
}
