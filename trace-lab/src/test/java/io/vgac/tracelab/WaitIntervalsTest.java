package io.vgac.tracelab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.vgac.agents.intervals.IntervalControllerConfig;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.LogisticWaitModel;
import io.vgac.agents.spi.LogisticWaitPredictor;
import io.vgac.tracelab.eval.IntervalResult;
import io.vgac.tracelab.eval.IntervalTransfer;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.JobSnapshot;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainedRiskModel;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.model.WaitIntervalModel;
import io.vgac.tracelab.model.WaitIntervalTrainer;
import io.vgac.tracelab.model.WaitModelFiles;
import io.vgac.tracelab.read.Traces;
import io.vgac.tracelab.read.WaitStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wait intervals on the bundled real traces: the ±2-point target with late labels, and the model file round trip. */
class WaitIntervalsTest {
  static Map<String, SweptTrace> swept;
  static Map<String, WaitIntervalModel> models;

  @BeforeAll
  static void sweep() {
    swept = Map.of(
        "kth", FeatureSweep.sweep(Traces.bundled(Traces.KTH_SP2)),
        "gaia", FeatureSweep.sweep(Traces.bundled(Traces.UNILU_GAIA)),
        "alibaba", FeatureSweep.sweep(Traces.bundled(Traces.ALIBABA_GPU)));
    models = Map.of(
        "kth", WaitIntervalTrainer.train(RiskModelTrainer.train(swept.get("kth"), TrainingConfig.ofDefaults())),
        "alibaba", WaitIntervalTrainer.train(RiskModelTrainer.train(swept.get("alibaba"),
            TrainingConfig.ofDefaults())));
  }

  /**
   * The target: on every pair run here, the adaptive intervals' realised coverage is within ±2 points of the
   * nominal 80 % — while the static split-conformal interval from the training trace misses badly on at least one.
   */
  @Test
  void adaptiveCoverageIsWithinTwoPointsOnEveryBundledPair() {
    IntervalTransfer t = new IntervalTransfer(IntervalControllerConfig.ofDefaults());
    double worstStatic = 0;
    for (String[] pair : new String[][] {{"kth", "gaia"}, {"kth", "alibaba"}, {"alibaba", "kth"},
        {"alibaba", "gaia"}}) {
      List<IntervalResult> r = t.run(models.get(pair[0]), swept.get(pair[1]));
      IntervalResult adaptive = r.get(1);
      assertThat(adaptive.method()).isEqualTo("adaptive");
      assertThat(adaptive.nominal()).isEqualTo(0.8);
      assertThat(adaptive.n()).as(pair[0] + "→" + pair[1]).isGreaterThan(5000);
      assertThat(adaptive.coverage()).as(pair[0] + "→" + pair[1]).isCloseTo(0.8, offset(0.02));
      assertThat(adaptive.unbounded()).isZero();
      assertThat(adaptive.medianWidthSeconds()).isFinite();
      worstStatic = Math.max(worstStatic, Math.abs(r.get(0).gap()));
    }
    assertThat(worstStatic).as("static split conformal misses on some pair").isGreaterThan(0.2);
  }

  /** Delayed labels: a job's start never comes before its own submission, and starts are in time order. */
  @Test
  void eventsRespectLateLabels() {
    SweptTrace kth = swept.get("kth");
    List<JobSnapshot> snaps = kth.snapshots();
    Integer[] ev = IntervalTransfer.events(snaps);
    boolean[] submitted = new boolean[snaps.size()];
    double last = Double.NEGATIVE_INFINITY;
    for (int e : ev) {
      JobSnapshot s = snaps.get(e >> 1);
      double time = (e & 1) == 0 ? s.source().submit() : s.source().start();
      assertThat(time).isGreaterThanOrEqualTo(last);
      last = time;
      if ((e & 1) == 0) {
        submitted[e >> 1] = true;
      } else {
        assertThat(submitted[e >> 1]).as("start after its own submission").isTrue();
        assertThat(s.source().waitStatus()).isEqualTo(WaitStatus.OBSERVED);
      }
    }
  }

  /** The saved file gives the agents' predictor trace-lab's point estimate and static interval. */
  @Test
  void theModelFileCarriesTheWaitPartIntoTheAgentsPredictor() {
    TrainedRiskModel trained = RiskModelTrainer.train(swept.get("kth"), TrainingConfig.ofDefaults());
    WaitIntervalModel w = WaitIntervalTrainer.train(trained);
    LogisticWaitModel file = trained.model().toWaitModel("kth-1").withWaitRegression(w.toWaitRegressionModel());
    LogisticWaitPredictor p = new LogisticWaitPredictor(LogisticWaitModel.fromJson(WaitModelFiles.toJson(file,
        "test")));
    for (JobSnapshot s : trained.testPart().snapshots().subList(0, 200)) {
      WaitPrediction wp = p.predict(s.job(), s.state());
      double expected = w.pointSeconds(w.features().values(s));
      assertThat(wp.estimatedWait().toNanos() / 1e9).isCloseTo(expected, offset(1e-6 * Math.max(1, expected)));
      assertThat(wp.interval()).isNotNull();
      assertThat(wp.interval().hi()).isCloseTo(w.interval(w.features().values(s)).hi(),
          offset(1e-6 * Math.max(1, wp.interval().hi())));
      assertThat(wp.interval().coverage()).isEqualTo(0.8);
    }
    assertThat(w.calibration().n()).isGreaterThan(1000);
  }
}
