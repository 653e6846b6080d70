package io.vgac.calibration.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Binning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MetricProperties {
  private static final double TOL = 1e-12;

  record Row(double p, int y) {}

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Double> continuous = Arbitraries.doubles().between(0, 1);
    Arbitrary<Double> tied = Arbitraries.of(0.0, 0.1, 0.25, 0.5, 0.7, 0.9, 1.0);
    Arbitrary<Double> p = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, continuous), net.jqwik.api.Tuple.of(1, tied));
    Arbitrary<Row> row = Combinators.combine(p, Arbitraries.integers().between(0, 1)).as(Row::new);
    return row.list().ofMinSize(1).ofMaxSize(300);
  }

  @Provide
  Arbitrary<Binning> binnings() {
    Arbitrary<Integer> b = Arbitraries.integers().between(1, 20);
    return Arbitraries.oneOf(
        b.map(Binning::uniform), b.map(Binning::arraySplit), b.map(Binning::equalMass),
        Arbitraries.just(Binning.distinct()),
        Arbitraries.just(Binning.edges(0, 0.05, 0.3, 0.31, 0.9, 1)));
  }

  static Predictions toPredictions(List<Row> rows) {
    double[] p = new double[rows.size()];
    int[] y = new int[rows.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = rows.get(i).p();
      y[i] = rows.get(i).y();
    }
    return Predictions.of(p, y);
  }

  static CalibrationReport report(Predictions data, Binning binning) {
    return CalibrationMetrics.report(data, CalibrationOptions.builder().binning(binning).build());
  }

  @Property
  void metricsStayInTheirBounds(@ForAll("rows") List<Row> rows, @ForAll("binnings") Binning binning) {
    CalibrationReport r = report(toPredictions(rows), binning);
    assertThat(r.ece()).isBetween(0.0, 1.0);
    assertThat(r.mce()).isBetween(r.ece() - TOL, 1.0);
    assertThat(r.rmsce()).isBetween(r.ece() - TOL, r.mce() + TOL);
    assertThat(r.eceDebiased()).isGreaterThanOrEqualTo(0.0);
    assertThat(r.ace()).isBetween(0.0, 1.0);
    assertThat(r.brier()).isBetween(0.0, 1.0);
    assertThat(r.logLoss()).isGreaterThanOrEqualTo(0.0);
    assertThat(r.corp().miscalibration()).isGreaterThanOrEqualTo(0.0);
    assertThat(r.corp().discrimination()).isGreaterThanOrEqualTo(0.0);
    if (!Double.isNaN(r.auroc())) {
      assertThat(r.auroc()).isBetween(0.0, 1.0);
      assertThat(r.auprc()).isBetween(0.0, 1.0);
    }
    assertThat(r.bins().stream().mapToLong(b -> b.n()).sum()).isGreaterThanOrEqualTo(rows.size());
  }

  @Property
  void brierDecomposesExactly(@ForAll("rows") List<Row> rows, @ForAll("binnings") Binning binning) {
    CalibrationReport r = report(toPredictions(rows), binning);
    assertThat(r.murphy().brier()).isCloseTo(r.brier(), within(1e-12));
    assertThat(r.corp().brier()).isCloseTo(r.brier(), within(1e-12));
  }

  @Property
  void permutationDoesNotChangeAnything(
      @ForAll("rows") List<Row> rows, @ForAll("binnings") Binning binning, @ForAll long seed) {
    Assume.that(!(binning instanceof Binning.ArraySplit)); // ties straddling chunks depend on input order by design
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    CalibrationReport a = report(toPredictions(rows), binning);
    CalibrationReport b = report(toPredictions(shuffled), binning);
    for (Metric m : Metric.values()) {
      if (isLogistic(m) && !wellDetermined(a.get(m), b.get(m))) {
        continue;
      }
      assertClose(b.get(m), a.get(m), m.name());
    }
  }

  @Property
  void integerWeightsEqualDuplicatedRows(
      @ForAll("rows") List<Row> rows, @ForAll("binnings") Binning binning, @ForAll long seed) {
    Random rnd = new Random(seed);
    double[] p = new double[rows.size()];
    int[] y = new int[rows.size()];
    double[] w = new double[rows.size()];
    List<Row> expanded = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      p[i] = rows.get(i).p();
      y[i] = rows.get(i).y();
      int copies = rnd.nextInt(4);
      w[i] = copies;
      for (int c = 0; c < copies; c++) {
        expanded.add(rows.get(i));
      }
    }
    Assume.that(!expanded.isEmpty());
    CalibrationOptions o = CalibrationOptions.builder().binning(binning).build();
    CalibrationReport weighted = CalibrationMetrics.report(Predictions.of(p, y, w), o);
    CalibrationReport duplicated = CalibrationMetrics.report(toPredictions(expanded), o);
    for (Metric m : Metric.values()) {
      if (isLogistic(m) && !wellDetermined(weighted.get(m), duplicated.get(m))) {
        continue;
      }
      assertClose(weighted.get(m), duplicated.get(m), m.name());
    }
  }

  @Property
  void aurocIsInvariantUnderStrictlyIncreasingMaps(@ForAll("rows") List<Row> rows) {
    Predictions data = toPredictions(rows);
    double[] p = data.probabilities();
    double[] q = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      q[i] = p[i] / 2; // exact, so ties and order are kept
    }
    CalibrationReport a = CalibrationMetrics.report(data);
    CalibrationReport b = CalibrationMetrics.report(Predictions.of(q, data.labels()));
    assertClose(b.auroc(), a.auroc(), "auroc");
    assertClose(b.auprc(), a.auprc(), "auprc");
  }

  @Property
  void perfectlyCalibratedGroupsHaveZeroError(
      @ForAll("groupSizes") List<Integer> multiples, @ForAll("binnings") Binning binning) {
    // Group k predicts k/4 and holds 4·m rows of which exactly k·m are positive.
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < multiples.size() && k <= 4; k++) {
      int m = multiples.get(k);
      for (int i = 0; i < 4 * m; i++) {
        rows.add(new Row(k / 4.0, i < k * m ? 1 : 0));
      }
    }
    Assume.that(!rows.isEmpty());
    CalibrationReport r = report(toPredictions(rows), Binning.distinct());
    assertThat(r.ece()).isCloseTo(0, within(TOL));
    assertThat(r.mce()).isCloseTo(0, within(TOL));
    assertThat(r.corp().miscalibration()).isCloseTo(0, within(TOL));
  }

  @Provide
  Arbitrary<List<Integer>> groupSizes() {
    return Arbitraries.integers().between(1, 30).list().ofMinSize(1).ofMaxSize(5);
  }

  static boolean isLogistic(Metric m) {
    return m == Metric.CALIBRATION_SLOPE || m == Metric.CALIBRATION_INTERCEPT;
  }

  /**
   * Near separation the likelihood is flat and the MLE's digits depend on the summation order; the property holds
   * where the fit is well determined (both defined and moderate).
   */
  static boolean wellDetermined(double a, double b) {
    return Math.abs(a) < 10 && Math.abs(b) < 10;
  }

  static void assertClose(double actual, double expected, String what) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
    } else {
      assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }
  }
}
