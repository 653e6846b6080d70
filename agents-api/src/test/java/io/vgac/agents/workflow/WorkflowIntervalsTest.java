package io.vgac.agents.workflow;

import static io.vgac.agents.workflow.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.Agents;
import io.vgac.agents.intervals.IntervalController;
import io.vgac.agents.intervals.IntervalControllerConfig;
import io.vgac.agents.intervals.IntervalCoverage;
import io.vgac.agents.intervals.IntervalOutcome;
import io.vgac.agents.log.DecisionRecord;
import io.vgac.agents.model.Job;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The workflow issues intervals at submission and scores them only when the job starts (late labels). */
class WorkflowIntervalsTest {
  final Fixture f = new Fixture();
  final IntervalController intervals = new IntervalController(IntervalControllerConfig.ofDefaults(),
      new double[] {-1, 1});
  final Agents a = f.builder().intervals(intervals).planner(Fixture.ANNOTATE_ALWAYS).build();

  @Test
  void labelsArriveOnlyWhenJobsStartAndTheEvidenceAndLogCarryTheCoverage() {
    Fixture.observe(a, "c", T0);
    Job j1 = f.job("c");
    Job j2 = f.job("c");
    SubmissionResult r1 = a.submit(j1);
    a.submit(j2);
    // 20 min predicted; a radius of 1 in log space covers about 7.4–54 min
    assertThat(r1.prediction().interval()).isNotNull();
    assertThat(r1.prediction().interval().lo()).isBetween(400.0, 500.0);
    IntervalCoverage none = a.intervals().coverage("c");
    assertThat(none.scored()).isZero(); // submitted, not started: no outcome yet
    assertThat(none.pending()).isEqualTo(2);

    assertThat(a.start("c", j1.jobId(), j1.submitTime().plusSeconds(1500)).status())
        .isEqualTo(StartStatus.RECORDED);
    a.start("c", j2.jobId(), j2.submitTime().plusSeconds(3 * 3600)); // far above: a miss
    a.start("c", j2.jobId(), j2.submitTime().plusSeconds(3 * 3600)); // a duplicate start changes nothing
    IntervalCoverage cov = a.intervals().coverage("c");
    assertThat(cov.scored()).isEqualTo(2);
    assertThat(cov.coverage()).isEqualTo(0.5);
    assertThat(cov.pending()).isZero();

    f.clock.set(T0.plusSeconds(4 * 3600));
    Fixture.observe(a, "c", f.clock.instant());
    a.submit(f.job("c"));
    var records = a.decisionLog().records();
    DecisionRecord last = records.get(records.size() - 1);
    assertThat(last.intervalCoverage()).isEqualTo(0.5);
    assertThat(last.intervalCoverageCiLo()).isLessThan(0.5);
    assertThat(last.intervalCoverageCiHi()).isGreaterThan(0.5);
  }

  @Test
  void aStartForAJobNeverSubmittedIsNotAnOutcome() {
    a.start("c", "ghost", Instant.parse("2026-01-05T11:00:00Z"));
    assertThat(a.intervals().coverage("c").scored()).isZero();
    assertThat(intervals.outcome("c", "ghost", 5, T0)).isEqualTo(IntervalOutcome.UNKNOWN_JOB);
  }
}
