package io.vgac.tracelab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.spi.LogisticWaitModel;
import io.vgac.agents.spi.LogisticWaitPredictor;
import io.vgac.tracelab.features.Dataset;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.JobSnapshot;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainedRiskModel;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.model.WaitModelFiles;
import io.vgac.tracelab.read.MalformedLinePolicy;
import io.vgac.tracelab.read.MalformedTraceException;
import io.vgac.tracelab.read.SampleCsvReader;
import io.vgac.tracelab.read.SampleTable;
import io.vgac.tracelab.read.Trace;
import io.vgac.tracelab.read.TraceFormat;
import io.vgac.tracelab.read.Traces;
import io.vgac.tracelab.read.WaitStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceLabTest {
  static final String SWF = "; UnixStartTime: 1000\n; TimeZoneString: Europe/Stockholm\n; MaxProcs: 100\n"
      + "; MaxNodes: -1\n"
      + "1 0 10 100 4 -1 -1 4 600 -1 1 7 1 -1 2 -1 -1 -1\n"
      + "2 5 -1 50 2 -1 -1 -1 -1 -1 1 8 1 -1 -1 -1 -1 -1\n"
      + "3 7 x 50 2 -1 -1 2 60 -1 1 8 1 -1 -1 -1 -1 -1\n";

  static Trace swf(String text, MalformedLinePolicy policy) throws Exception {
    return Traces.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.swf", TraceFormat.SWF,
        policy);
  }

  @Test
  void swfHeaderUnknownsAndAMalformedLineByNumber() throws Exception {
    assertThatThrownBy(() -> swf(SWF, MalformedLinePolicy.FAIL)).isInstanceOf(MalformedTraceException.class)
        .hasMessage("t.swf: line 7, field 'wait_time': not a number: 'x'");
    Trace t = swf(SWF, MalformedLinePolicy.SKIP);
    assertThat(t.header().unixStartTime()).hasValue(1000);
    assertThat(t.header().timeZone()).isEqualTo("Europe/Stockholm");
    assertThat(t.header().maxProcs()).hasValue(100);
    assertThat(t.header().maxNodes()).isEmpty();
    assertThat(t.summary().skipped()).isEqualTo(1);
    assertThat(t.summary().firstProblem().line()).isEqualTo(7);
    assertThat(t.jobs()).hasSize(2);
    assertThat(t.jobs().get(0).queue()).isEqualTo("q2");
    assertThat(t.jobs().get(1).waitStatus()).isEqualTo(WaitStatus.UNKNOWN);
    assertThat(t.jobs().get(1).requestedTime()).isNaN();
    assertThat(t.epochOffsetSeconds()).isEqualTo(1000);
  }

  @Test
  void alibabaPendingPodsAreCensoredNotDropped() {
    Trace t = Traces.bundled(Traces.ALIBABA_GPU);
    assertThat(t.jobs()).hasSize(8152);
    assertThat(t.summary().censored()).isEqualTo(897);
    assertThat(t.jobs().stream().filter(j -> j.waitStatus() == WaitStatus.CENSORED)).hasSize(897);
    SweptTrace s = FeatureSweep.sweep(t);
    Dataset d = Dataset.of(s, io.vgac.tracelab.features.FeatureSet.AGENTS, 600);
    // a censored pod is labelled long once it has been pending longer than the threshold, else counted
    assertThat(d.size() + d.unlabelled()).isEqualTo(8152);
  }

  @Test
  void bundledSwfTracesParseCompletely() {
    Trace kth = Traces.bundled(Traces.KTH_SP2);
    assertThat(kth.jobs()).hasSize(28476);
    assertThat(kth.header().maxProcs()).hasValue(100);
    assertThat(Traces.bundled(Traces.UNILU_GAIA).jobs()).hasSize(51987);
  }

  @Test
  void authorsSamplesReadWithTheirLabelsAndNoLeakingColumns() throws Exception {
    try (InputStream in = TraceLabTest.class.getResourceAsStream("/samples/slurm_training_dataset.csv")) {
      SampleTable t = SampleCsvReader.read(Traces.reader(in), "slurm_training_dataset.csv");
      assertThat(t.rows()).isEqualTo(555);
      assertThat(java.util.Arrays.stream(t.labels()).sum()).isEqualTo(55);
      assertThat(t.columns()).contains("pending_ratio").doesNotContain("wait_seconds", "job_id", "job_type");
    }
  }

  @Test
  void noLookAheadEarlierSnapshotsIgnoreLaterJobs() {
    Trace kth = Traces.bundled(Traces.KTH_SP2).head(3000);
    SweptTrace full = FeatureSweep.sweep(kth);
    for (int cut : new int[] {1, 17, 500, 1234, 2999}) {
      SweptTrace part = FeatureSweep.sweep(kth.head(cut));
      // head(cut) keeps file order; the sweep sorts by submit time, so compare the jobs present in both by id
      java.util.Map<String, JobSnapshot> byId = new java.util.HashMap<>();
      for (JobSnapshot s : full.snapshots()) {
        byId.put(s.job().jobId(), s);
      }
      java.util.Set<String> inPart = new java.util.HashSet<>();
      for (JobSnapshot s : part.snapshots()) {
        inPart.add(s.job().jobId());
      }
      // the first job (in submit order) that the cut removed: every snapshot up to it must be unchanged
      int firstMissing = full.snapshots().size();
      for (JobSnapshot s : full.snapshots()) {
        if (!inPart.contains(s.job().jobId())) {
          firstMissing = s.order();
          break;
        }
      }
      int compared = 0;
      for (JobSnapshot s : part.snapshots()) {
        JobSnapshot f = byId.get(s.job().jobId());
        if (f.order() <= firstMissing) {
          assertThat(s.state()).isEqualTo(f.state());
          assertThat(s.job()).isEqualTo(f.job());
          assertThat(s.queuedWork()).isEqualTo(f.queuedWork());
          assertThat(Double.valueOf(s.userRecentWait())).isEqualTo(Double.valueOf(f.userRecentWait()));
          compared++;
        }
      }
      assertThat(compared).isPositive();
    }
  }

  @Test
  void theSavedModelPredictsExactlyWhatTraceLabPredicts() {
    SweptTrace kth = FeatureSweep.sweep(Traces.bundled(Traces.KTH_SP2));
    TrainedRiskModel m = RiskModelTrainer.train(kth, TrainingConfig.ofDefaults());
    LogisticWaitModel file = LogisticWaitModel.fromJson(WaitModelFiles.toJson(m.model().toWaitModel("t"), "test"));
    LogisticWaitPredictor agents = new LogisticWaitPredictor(file);
    Dataset test = m.testPart();
    double[] p = m.model().probabilities(test.x());
    for (int i = 0; i < test.size(); i++) {
      JobSnapshot s = test.snapshots().get(i);
      assertThat(agents.probability(s.job(), s.state())).isEqualTo(p[i]);
    }
    assertThat(m.model().base().converged()).isTrue();
  }
}
