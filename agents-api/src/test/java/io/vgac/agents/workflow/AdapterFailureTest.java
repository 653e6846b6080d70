package io.vgac.agents.workflow;

import static io.vgac.agents.workflow.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.Agents;
import io.vgac.agents.approvals.ApprovalQueue;
import io.vgac.agents.approvals.ApprovalRequest;
import io.vgac.agents.approvals.ApprovalResult;
import io.vgac.agents.approvals.PendingApproval;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.PriorityLevel;
import io.vgac.agents.gate.SchedulerActions;
import io.vgac.agents.log.DecisionLog;
import io.vgac.agents.log.DecisionRecord;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.ClusterTelemetry;
import io.vgac.agents.spi.RuleBasedPlanner;
import io.vgac.agents.spi.TestEvidence;
import io.vgac.agents.store.CalibrationRecord;
import io.vgac.agents.store.CalibrationStore;
import io.vgac.agents.store.PredictionRecord;
import io.vgac.agents.store.ProfileRecord;
import io.vgac.calibration.tracker.TrackersSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A sink, approval queue, store, decision log or scheduler that throws never changes a decision. */
class AdapterFailureTest {
  static final double[] SCORES = {0.95, 0.75, 0.5, 0.9};
  static final long[] SAMPLES = {1000, 1000, 1000, 10};
  static final double[] PS = {0.95, 0.75, 0.55, 0.35, 0.1};

  /** Runs the same jobs over scopes AUTONOMOUS, NOTIFY, ESCALATE (low score) and ESCALATE (learning). */
  static List<String> decisions(UnaryOperator<Agents.Builder> adapters) {
    Fixture f = new Fixture();
    Agents a = adapters.apply(f.builder().evidence(f.given::get).planner(RuleBasedPlanner.instance())).build();
    List<String> out = new ArrayList<>();
    for (int e = 0; e < SCORES.length; e++) {
      String env = "c" + e;
      Fixture.observe(a, env, T0);
      // the ECE of score 0.95 qualifies for tier 4, so every p below reaches its own tier
      f.given.put(env, TestEvidence.of(env, SCORES[e], SAMPLES[e], 0.01, T0));
      for (double p : PS) {
        f.p = p;
        Job j = f.job(env);
        SubmissionResult r = a.submit(j);
        for (ActionResult x : r.actions()) {
          out.add(j.jobId() + " " + x.planned().action() + " " + x.decision() + " " + x.outcome().decision().reason());
        }
        a.start(env, j.jobId(), T0.plusSeconds(900));
      }
    }
    return out;
  }

  @Test
  void failingAdaptersChangeNoDecision() {
    List<String> healthy = decisions(b -> b);
    assertThat(healthy).hasSize(16);
    assertThat(healthy).anyMatch(s -> s.contains(" EXECUTE "))
        .anyMatch(s -> s.contains("EXECUTE_AND_NOTIFY"))
        .anyMatch(s -> s.contains("ESCALATE"));
    assertThat(decisions(b -> b.notifier(alert -> {
      throw new IllegalStateException("slack down");
    }))).isEqualTo(healthy);
    assertThat(decisions(b -> b.approvals(new FailingQueue()))).isEqualTo(healthy);
    assertThat(decisions(b -> b.store(new FailingStore()))).isEqualTo(healthy);
    assertThat(decisions(b -> b.decisionLog(new FailingLog()))).isEqualTo(healthy);
    assertThat(decisions(b -> b.scheduler(new FailingScheduler()))).isEqualTo(healthy);
  }

  @Test
  void failuresAreReportedInTheResult() {
    Fixture f = new Fixture();
    Agents a = f.builder().evidence(f.given::get).notifier(alert -> {
      throw new IllegalStateException("slack down");
    }).approvals(new FailingQueue()).scheduler(new FailingScheduler()).build();
    Fixture.observe(a, "n", T0);
    Fixture.observe(a, "e", T0);
    f.given.put("n", TestEvidence.of("n", 0.75, 1000, 0.01, T0));
    f.given.put("e", TestEvidence.of("e", 0.5, 1000, 0.01, T0));
    ActionResult notify = a.submit(f.job("n")).actions().get(0);
    assertThat(notify.decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThat(notify.outcome().executed()).isFalse();
    assertThat(notify.adapterErrors()).contains("scheduler down");
    ActionResult escalate = a.submit(f.job("e")).actions().get(0);
    assertThat(escalate.decision()).isEqualTo(Decision.ESCALATE);
    assertThat(escalate.approvalId()).isNull();
    assertThat(escalate.humanNotified()).isFalse();
    assertThat(escalate.adapterErrors()).contains("approval queue").contains("slack down");
  }

  @Test
  void failingTelemetryPredictorOrPlannerLeaveNothingToRun() {
    Fixture f = new Fixture();
    f.given.put("c", TestEvidence.of("c", 0.95, 1000, 0.01, T0));
    Agents noTelemetry = f.builder().evidence(f.given::get).telemetry(new ClusterTelemetry() {
      @Override
      public Optional<ClusterState> clusterState(String id) {
        throw new IllegalStateException("scheduler unreachable");
      }

      @Override
      public List<Job> pendingJobs(String id) {
        throw new IllegalStateException("scheduler unreachable");
      }
    }).build();
    SubmissionResult r = noTelemetry.submit(f.job("c"));
    assertThat(r.predictionStatus()).isEqualTo(PredictionStatus.TELEMETRY_FAILED);
    assertThat(r.actions()).isEmpty();

    Agents noPredictor = f.builder().evidence(f.given::get).predictor((job, s) -> {
      throw new IllegalStateException("model missing");
    }).build();
    Fixture.observe(noPredictor, "c", T0);
    assertThat(noPredictor.submit(f.job("c")).predictionStatus()).isEqualTo(PredictionStatus.PREDICTOR_FAILED);

    Agents noPlanner = f.builder().evidence(f.given::get).planner(c -> {
      throw new IllegalStateException("LLM timeout");
    }).build();
    Fixture.observe(noPlanner, "c", T0);
    SubmissionResult p = noPlanner.submit(f.job("c"));
    assertThat(p.plannerError()).isEqualTo("IllegalStateException: LLM timeout");
    assertThat(p.actions()).isEmpty();
    assertThat(f.scheduler.count()).isZero();
  }

  static final class FailingScheduler implements SchedulerActions {
    @Override
    public void requeue(String c, String j, String q) {
      throw new IllegalStateException("scheduler down");
    }

    @Override
    public void adjustPriority(String c, String j, PriorityLevel p) {
      throw new IllegalStateException("scheduler down");
    }

    @Override
    public void annotate(String c, String j, String k, String v) {
      throw new IllegalStateException("scheduler down");
    }

    @Override
    public void hold(String c, String j, String r) {
      throw new IllegalStateException("scheduler down");
    }
  }

  static final class FailingLog implements DecisionLog {
    @Override
    public void append(DecisionRecord record) {
      throw new IllegalStateException("disk full");
    }

    @Override
    public List<DecisionRecord> records() {
      return List.of();
    }
  }

  static final class FailingStore implements CalibrationStore {
    @Override
    public void putCalibration(CalibrationRecord record) {
      throw new IllegalStateException("store down");
    }

    @Override
    public Optional<CalibrationRecord> calibration(String clusterId) {
      throw new IllegalStateException("store down");
    }

    @Override
    public List<CalibrationRecord> calibrations() {
      throw new IllegalStateException("store down");
    }

    @Override
    public void putProfile(ProfileRecord profile) {
      throw new IllegalStateException("store down");
    }

    @Override
    public Optional<ProfileRecord> profile(String clusterId) {
      throw new IllegalStateException("store down");
    }

    @Override
    public void appendPrediction(PredictionRecord prediction) {
      throw new IllegalStateException("store down");
    }

    @Override
    public List<PredictionRecord> predictions(String clusterId, Instant from, Instant to) {
      throw new IllegalStateException("store down");
    }

    @Override
    public void saveTrackers(TrackersSnapshot snapshot) {
      throw new IllegalStateException("store down");
    }

    @Override
    public Optional<TrackersSnapshot> loadTrackers() {
      throw new IllegalStateException("store down");
    }
  }

  static final class FailingQueue implements ApprovalQueue {
    @Override
    public String submit(ApprovalRequest request) {
      throw new IllegalStateException("queue down");
    }

    @Override
    public Optional<PendingApproval> get(String id) {
      throw new IllegalStateException("queue down");
    }

    @Override
    public List<PendingApproval> pending() {
      throw new IllegalStateException("queue down");
    }

    @Override
    public ApprovalResult approve(String id, String by, @Nullable String reason) {
      throw new IllegalStateException("queue down");
    }

    @Override
    public ApprovalResult deny(String id, String by, @Nullable String reason) {
      throw new IllegalStateException("queue down");
    }

    @Override
    public List<PendingApproval> expireDue() {
      throw new IllegalStateException("queue down");
    }
  }
}
