package io.vgac.calibration.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.drift.Adwin;
import io.vgac.calibration.drift.AdwinState;
import io.vgac.calibration.drift.CalibrationEDetector;
import io.vgac.calibration.drift.CalibrationEDetectorState;
import io.vgac.calibration.drift.PageHinkley;
import io.vgac.calibration.metrics.AccumulatorState;
import io.vgac.calibration.metrics.CalibrationAccumulator;
import org.junit.jupiter.api.Test;

/** The state export added to the detectors and the accumulator: restore continues bit-identically. */
class DetectorStateRestoreTest {

  @Test
  void restoredDetectorsContinueIdentically() {
    double[] p = Streams.uniformScores(6_000, 1);
    int[] y = Streams.outcomes(p, 0, 1);
    int[] shifted = Streams.outcomes(p, 0.25, 2);
    CalibrationEDetector e = CalibrationEDetector.ofDefaults();
    Adwin a = Adwin.ofDefaults();
    PageHinkley ph = PageHinkley.ofDefaults();
    CalibrationAccumulator acc = new CalibrationAccumulator(Binning.uniform(15));
    for (int i = 0; i < 3_000; i++) {
      e.update(p[i], y[i]);
      a.update(y[i] - p[i]);
      ph.update(Math.abs(y[i] - p[i]));
      acc.accept(p[i], y[i]);
    }
    CalibrationEDetector e2 = CalibrationEDetector.ofDefaults();
    e2.restore(e.state());
    Adwin a2 = Adwin.ofDefaults();
    a2.restore(a.state());
    PageHinkley ph2 = PageHinkley.ofDefaults();
    ph2.restore(ph.state());
    CalibrationAccumulator acc2 = new CalibrationAccumulator(Binning.uniform(15));
    acc2.restore(acc.state());
    assertThat(e2.statistic()).isEqualTo(e.statistic());
    for (int i = 3_000; i < 6_000; i++) {
      assertThat(e2.update(p[i], shifted[i])).isEqualTo(e.update(p[i], shifted[i]));
      assertThat(a2.update(shifted[i] - p[i])).isEqualTo(a.update(shifted[i] - p[i]));
      assertThat(ph2.update(Math.abs(shifted[i] - p[i]))).isEqualTo(ph.update(Math.abs(shifted[i] - p[i])));
      acc.accept(p[i], shifted[i]);
      acc2.accept(p[i], shifted[i]);
    }
    assertThat(e2.state()).isEqualTo(e.state());
    assertThat(e.alarm()).isPresent();
    assertThat(a2.state()).isEqualTo(a.state());
    assertThat(ph2.state()).isEqualTo(ph.state());
    assertThat(acc2.state()).isEqualTo(acc.state());
    assertThat(acc2.snapshot()).isEqualTo(acc.snapshot());
  }

  @Test
  void inconsistentStatesAreRejectedWithoutChange() {
    CalibrationEDetector e = CalibrationEDetector.ofDefaults();
    e.update(0.3, 1);
    CalibrationEDetectorState before = e.state();
    assertThatThrownBy(() -> e.restore(new CalibrationEDetectorState(1, new double[3], null)))
        .hasMessage("eCusum must hold 24 values (4 deviations × 6 bets) but held 3");
    assertThat(e.state()).isEqualTo(before);

    Adwin a = Adwin.ofDefaults();
    assertThatThrownBy(() -> a.restore(new AdwinState(new int[] {2}, new double[] {1, 0}, new double[] {0, 0},
        3, 1, 0, 3, 0))).hasMessage("width must equal the items in the buckets (2) but was 3");

    CalibrationAccumulator acc = new CalibrationAccumulator(Binning.uniform(15));
    AccumulatorState s = acc.state();
    long[] counts = s.counts();
    counts[0] = -1;
    assertThatThrownBy(() -> acc.restore(new AccumulatorState(-1, counts, s.sums(), s.compensations(), s.totals(),
        s.totalsCompensations()))).hasMessage("counts[0] must be ≥ 0 but was -1");
  }
}
