package io.vgac.agents.workflow;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.log.InMemoryDecisionLog;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.PlannedAction;
import io.vgac.agents.spi.Planner;
import io.vgac.agents.spi.States;
import io.vgac.agents.spi.TestClock;
import io.vgac.agents.spi.WaitTimePredictor;
import io.vgac.agents.tools.RecordingNotifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Agents on a test clock with recording adapters, a settable p and optionally given evidence. */
final class Fixture {
  static final Instant T0 = States.T0;

  final TestClock clock = new TestClock(T0);
  final RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
  final RecordingNotifier sink = new RecordingNotifier();
  final InMemoryDecisionLog log = new InMemoryDecisionLog();
  final Map<String, CalibrationEvidence> given = new ConcurrentHashMap<>();
  volatile double p = 0.95;
  final WaitTimePredictor fixedP =
      (job, state) -> new WaitPrediction(job.jobId(), p, Duration.ofMinutes(20), 0.8, "fixed");
  int jobs;

  /** Always proposes one annotate, whatever the tier (to exercise the gate on any evidence). */
  static final Planner ANNOTATE_ALWAYS = c -> List.of(new PlannedAction(ProposedAction.ANNOTATE,
      Map.of("key", "risk", "value", "x"), null, "test"));

  Agents.Builder builder() {
    return Agents.builder().clock(clock).scheduler(scheduler).notifier(sink).decisionLog(log).predictor(fixedP)
        .evidenceRefresh(Duration.ZERO).telemetryTtl(Duration.ZERO);
  }

  /** Agents whose evidence is {@link #given} (null for a cluster not in it). */
  Agents withGivenEvidence(Planner planner) {
    EvidenceSource src = given::get;
    return builder().evidence(src).planner(planner).build();
  }

  /** Puts an idle state for {@code cluster} observed now, so predictions can be made. */
  static void observe(Agents a, String cluster, Instant now) {
    a.inMemoryTelemetry().orElseThrow().put(States.idle(cluster, now));
  }

  Job job(String cluster) {
    return States.job("j" + (++jobs), cluster, 4, clock.instant());
  }
}
