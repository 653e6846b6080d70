package io.vgac.agents.workflow;

import static io.vgac.agents.workflow.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.DecisionRecorder;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.model.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The listener sees every decision, submission, start and recalibration request, and can change none of them. */
class WorkflowListenerTest {

  /** Keeps everything it is told, in order. */
  static final class Recording implements WorkflowListener {
    final List<GateDecision> decisions = new CopyOnWriteArrayList<>();
    final List<SubmissionResult> submissions = new CopyOnWriteArrayList<>();
    final List<StartResult> starts = new CopyOnWriteArrayList<>();
    final List<RecalibrationRequest> recalibrations = new CopyOnWriteArrayList<>();

    @Override
    public void onDecision(GateDecision decision) {
      decisions.add(decision);
    }

    @Override
    public void onSubmission(SubmissionResult result) {
      submissions.add(result);
    }

    @Override
    public void onStart(StartResult result) {
      starts.add(result);
    }

    @Override
    public void onRecalibrationRequest(RecalibrationRequest request) {
      recalibrations.add(request);
    }
  }

  /** Throws from every method. */
  static final class Throwing implements WorkflowListener {
    int calls;

    @Override
    public void onDecision(GateDecision decision) {
      calls++;
      throw new IllegalStateException("metrics backend down");
    }

    @Override
    public void onSubmission(SubmissionResult result) {
      calls++;
      throw new IllegalStateException("metrics backend down");
    }

    @Override
    public void onStart(StartResult result) {
      calls++;
      throw new IllegalStateException("metrics backend down");
    }

    @Override
    public void onRecalibrationRequest(RecalibrationRequest request) {
      calls++;
      throw new IllegalStateException("metrics backend down");
    }
  }

  @Test
  void seesEveryDecisionSubmissionStartAndRecalibrationRequest() {
    Fixture f = new Fixture();
    Recording l = new Recording();
    Agents a = f.builder().listener(l).build();
    AgentWorkflowTest.calibrated(a.trackers(), "c", 1000);
    AgentWorkflowTest.miscalibrated(a.trackers(), "c", 300);
    Fixture.observe(a, "c", T0);
    List<SubmissionResult> results = new ArrayList<>();
    List<StartResult> starts = new ArrayList<>();
    AgentWorkflowTest.calibrated(a.trackers(), "ok", 1000);
    Fixture.observe(a, "ok", T0);
    for (int i = 0; i < 3; i++) {
      for (String env : List.of("c", "ok")) {
        Job j = f.job(env);
        results.add(a.submit(j));
        starts.add(a.start(env, j.jobId(), T0.plusSeconds(10)));
      }
    }
    assertThat(l.submissions).containsExactlyElementsOf(results);
    assertThat(l.starts).containsExactlyElementsOf(starts);
    assertThat(l.recalibrations).containsExactlyElementsOf(a.workflow().recalibrationRequests()).hasSize(1);
    // one decision per gated action, exactly the decision log's
    assertThat(l.decisions).isNotEmpty().hasSize(f.log.records().size());
    assertThat(l.decisions).extracting(GateDecision::jobId)
        .containsExactlyElementsOf(f.log.records().stream().map(r -> r.jobId()).toList());
  }

  @Test
  void aThrowingListenerChangesNoDecisionAndNoLogRecord() {
    Throwing t = new Throwing();
    List<String> healthy = AdapterFailureTest.decisions(b -> b);
    assertThat(AdapterFailureTest.decisions(b -> b.listener(t))).isEqualTo(healthy);
    assertThat(t.calls).isGreaterThan(healthy.size()); // it was called, and threw, every time

    Fixture plain = new Fixture();
    Fixture listened = new Fixture();
    Agents a = plain.builder().build();
    Agents b = listened.builder().listener(new Throwing()).build();
    for (Agents x : List.of(a, b)) {
      AgentWorkflowTest.calibrated(x.trackers(), "c", 1000);
      Fixture.observe(x, "c", T0);
    }
    for (int i = 0; i < 5; i++) {
      Job ja = plain.job("c");
      Job jb = listened.job("c");
      assertThat(b.submit(jb)).isEqualTo(a.submit(ja));
      assertThat(b.start("c", jb.jobId(), T0.plusSeconds(700))).isEqualTo(a.start("c", ja.jobId(),
          T0.plusSeconds(700)));
    }
    assertThat(listened.log.records()).isEqualTo(plain.log.records()).isNotEmpty();
  }

  @Test
  void theRecorderTellsTheListenerEvenWhenTheLogThrowsAndRethrowsTheLogsFailure() {
    Recording l = new Recording();
    DecisionRecorder failingLog = d -> {
      throw new IllegalStateException("disk full");
    };
    DecisionRecorder r = WorkflowListener.recorder(failingLog, l);
    Fixture f = new Fixture();
    Agents a = f.builder().build();
    AgentWorkflowTest.calibrated(a.trackers(), "c", 1000);
    Fixture.observe(a, "c", T0);
    GateDecision d = a.submit(f.job("c")).actions().get(0).outcome().decision();
    assertThatThrownBy(() -> r.record(d)).hasMessage("disk full");
    assertThat(l.decisions).containsExactly(d);
    // a throwing listener behind a working log: the log keeps the decision, nothing escapes
    List<GateDecision> kept = new ArrayList<>();
    WorkflowListener.recorder(kept::add, new Throwing()).record(d);
    assertThat(kept).containsExactly(d);
  }

  @Test
  void guardingIsIdempotentAndNoneStaysNone() {
    Recording l = new Recording();
    WorkflowListener g = WorkflowListener.guarded(l);
    assertThat(WorkflowListener.guarded(g)).isSameAs(g);
    assertThat(WorkflowListener.guarded(WorkflowListener.NONE)).isSameAs(WorkflowListener.NONE);
    DecisionRecorder log = d -> {};
    assertThat(WorkflowListener.recorder(log, WorkflowListener.NONE)).isSameAs(log);
  }
}
