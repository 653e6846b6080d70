package io.vgac.calibration.metrics;

import static io.vgac.calibration.metrics.MetricProperties.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.binning.Binning;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AccumulatorProperties {
  private final MetricProperties rowsSource = new MetricProperties();

  @Provide
  Arbitrary<List<MetricProperties.Row>> rows() {
    return rowsSource.rows();
  }

  @Provide
  Arbitrary<Binning> fixedBinnings() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 25).map(Binning::uniform),
        Arbitraries.just(Binning.edges(0, 0.1, 0.5, 0.500001, 1)));
  }

  private static CalibrationAccumulator accumulate(List<MetricProperties.Row> rows, Binning b, int from, int to) {
    CalibrationAccumulator a = new CalibrationAccumulator(b);
    for (int i = from; i < to; i++) {
      a.accept(rows.get(i).p(), rows.get(i).y());
    }
    return a;
  }

  @Property
  void snapshotEqualsTheBatchReport(
      @ForAll("rows") List<MetricProperties.Row> rows, @ForAll("fixedBinnings") Binning binning) {
    CalibrationSnapshot s = accumulate(rows, binning, 0, rows.size()).snapshot();
    CalibrationReport r =
        CalibrationMetrics.report(
            MetricProperties.toPredictions(rows), CalibrationOptions.builder().binning(binning).build());
    assertThat(s.n()).isEqualTo(r.n());
    assertClose(s.prevalence(), r.prevalence(), "prevalence");
    assertClose(s.brier(), r.brier(), "brier");
    assertClose(s.logLoss(), r.logLoss(), "log loss");
    assertClose(s.ece(), r.ece(), "ece");
    assertClose(s.mce(), r.mce(), "mce");
    assertClose(s.rmsce(), r.rmsce(), "rmsce");
    assertClose(s.eceDebiased(), r.eceDebiased(), "ece debiased");
    assertClose(s.murphy().reliability(), r.murphy().reliability(), "reliability");
    assertClose(s.murphy().resolution(), r.murphy().resolution(), "resolution");
    assertClose(s.murphy().withinBinVariance(), r.murphy().withinBinVariance(), "wbv");
    assertClose(s.spiegelhalterZ(), r.spiegelhalterZ(), "spiegelhalter");
    assertClose(s.observedExpected(), r.observedExpected(), "o/e");
    for (int k = 0; k < r.bins().size(); k++) {
      Bin a = s.bins().get(k);
      Bin b = r.bins().get(k);
      assertThat(a.n()).isEqualTo(b.n());
      assertClose(a.meanP(), b.meanP(), "bin mean p");
      assertClose(a.ciLo(), b.ciLo(), "bin ci");
    }
  }

  @Property
  void combineEqualsAcceptingEverything(
      @ForAll("rows") List<MetricProperties.Row> rows,
      @ForAll("fixedBinnings") Binning binning,
      @ForAll @IntRange(min = 0, max = 300) int cut) {
    int split = Math.min(cut, rows.size());
    CalibrationSnapshot all = accumulate(rows, binning, 0, rows.size()).snapshot();
    CalibrationSnapshot merged =
        accumulate(rows, binning, 0, split).combine(accumulate(rows, binning, split, rows.size())).snapshot();
    assertThat(merged.n()).isEqualTo(all.n());
    assertClose(merged.ece(), all.ece(), "ece");
    assertClose(merged.brier(), all.brier(), "brier");
    assertClose(merged.logLoss(), all.logLoss(), "log loss");
    assertClose(merged.spiegelhalterZ(), all.spiegelhalterZ(), "z");
  }

  @Property(tries = 30)
  void parallelEqualsSequential(@ForAll("rows") List<MetricProperties.Row> rows) throws InterruptedException {
    Binning binning = Binning.uniform(15);
    ConcurrentCalibrationAccumulator shared = new ConcurrentCalibrationAccumulator(binning, 4);
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[3];
    for (int t = 0; t < threads.length; t++) {
      int offset = t;
      threads[t] =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                for (int i = offset; i < rows.size(); i += threads.length) {
                  shared.accept(rows.get(i).p(), rows.get(i).y());
                }
              });
      threads[t].start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    CalibrationSnapshot seq = accumulate(rows, binning, 0, rows.size()).snapshot();
    CalibrationSnapshot par = shared.snapshot();
    assertThat(par.n()).isEqualTo(seq.n());
    assertClose(par.ece(), seq.ece(), "ece");
    assertClose(par.brier(), seq.brier(), "brier");
  }

  @Property
  void badRowsChangeNothing(@ForAll("rows") List<MetricProperties.Row> rows) {
    CalibrationAccumulator a = accumulate(rows, Binning.uniform(10), 0, rows.size());
    CalibrationSnapshot before = a.snapshot();
    for (double bad : new double[] {Double.NaN, -0.1, 1.5, Double.POSITIVE_INFINITY}) {
      try {
        a.accept(bad, 1);
      } catch (IllegalArgumentException expected) {
        assertThat(expected).hasMessageStartingWith("Not a probability: ");
      }
    }
    try {
      a.accept(0.5, 2);
    } catch (IllegalArgumentException expected) {
      assertThat(expected).hasMessage("Not a 0/1 label: 2");
    }
    assertThat(a.snapshot()).isEqualTo(before);
  }

  @Property
  void emptyAccumulatorIsDocumentedNaN(@ForAll("fixedBinnings") Binning binning) {
    CalibrationSnapshot s = new CalibrationAccumulator(binning).snapshot();
    assertThat(s.isEmpty()).isTrue();
    assertThat(s.ece()).isNaN();
    assertThat(s.brier()).isNaN();
    assertThat(s.bins()).allMatch(b -> b.isEmpty());
  }
}
