package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RecalibrationProperties {

  /** Small random training sets: probabilities (with exact 0, 0.5 and 1 mixed in), labels and weights. */
  record Sample(double[] p, int[] y, double[] w) {
    @Override
    public String toString() {
      return "Sample[p=" + Arrays.toString(p) + ", y=" + Arrays.toString(y) + ", w=" + Arrays.toString(w) + "]";
    }
  }

  @Provide
  Arbitrary<Sample> samples() {
    Arbitrary<Double> p =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(0, 1),
            Arbitraries.of(0.0, 1.0, 0.5, 1e-300, 1 - 1e-16),
            Arbitraries.integers().between(0, 10).map(i -> i / 10.0));
    Arbitrary<Integer> y = Arbitraries.integers().between(0, 1);
    Arbitrary<Double> w = Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.doubles().between(0, 3));
    return Combinators.combine(p, y, w).as(List::of).list().ofMinSize(1).ofMaxSize(50)
        .filter(rows -> rows.stream().mapToDouble(r -> (Double) r.get(2)).sum() > 0)
        .map(rows -> new Sample(
            rows.stream().mapToDouble(r -> (Double) r.get(0)).toArray(),
            rows.stream().mapToInt(r -> (Integer) r.get(1)).toArray(),
            rows.stream().mapToDouble(r -> (Double) r.get(2)).toArray()));
  }

  /** Every fitter under test, by name. */
  static Map<String, Function<Sample, Calibrator>> fitters() {
    Map<String, Function<Sample, Calibrator>> m = new java.util.LinkedHashMap<>();
    for (CalibrationMethod method : CalibrationMethod.values()) {
      m.put(method.id(), s -> method.fit(s.p(), s.y(), s.w()));
    }
    m.put("platt-on-scores", s -> PlattScaling.ofDefaults().fit(s.p(), s.y(), s.w()));
    m.put("isotonic-step",
        s -> IsotonicRegression.builder().interpolation(IsotonicCalibrator.Interpolation.STEP).build()
            .fit(s.p(), s.y(), s.w()));
    m.put("histogram-uniform",
        s -> HistogramBinning.builder().strategy(HistogramBinning.Strategy.UNIFORM).bins(7).build()
            .fit(s.p(), s.y(), s.w()));
    m.put("online-platt", s -> {
      OnlinePlattScaling learner = OnlinePlattScaling.create();
      for (int i = 0; i < s.p().length; i++) {
        learner.update(s.p()[i], s.y()[i]);
      }
      return learner.snapshot();
    });
    return m;
  }

  private static double[] probes(Sample s) {
    double[] grid = new double[101];
    for (int i = 0; i <= 100; i++) {
      grid[i] = i / 100.0;
    }
    double[] all = Arrays.copyOf(grid, grid.length + s.p().length + 2);
    System.arraycopy(s.p(), 0, all, grid.length, s.p().length);
    all[all.length - 2] = Double.MIN_VALUE;
    all[all.length - 1] = Math.nextDown(1.0);
    Arrays.sort(all);
    return all;
  }

  @Property
  void everyCalibratorMapsTheUnitIntervalIntoItself(@ForAll("samples") Sample s) {
    for (Map.Entry<String, Function<Sample, Calibrator>> e : fitters().entrySet()) {
      Calibrator c = e.getValue().apply(s);
      for (double q : c.calibrateAll(probes(s))) {
        assertThat(q).as(e.getKey()).isBetween(0.0, 1.0);
      }
    }
  }

  @Property
  void monotoneMethodsAreNonDecreasing(@ForAll("samples") Sample s) {
    for (Map.Entry<String, Function<Sample, Calibrator>> e : fitters().entrySet()) {
      Calibrator c = e.getValue().apply(s);
      boolean monotone =
          c instanceof IsotonicCalibrator
              || c instanceof BetaCalibrator
              || c instanceof TemperatureCalibrator
              || (c instanceof PlattCalibrator platt && platt.a() <= 0)
              || (c instanceof OnlinePlattCalibrator online && online.a() >= 0);
      if (c instanceof BetaCalibrator beta) {
        assertThat(beta.a()).isGreaterThanOrEqualTo(0);
        assertThat(beta.b()).isGreaterThanOrEqualTo(0);
      }
      if (!monotone) {
        continue;
      }
      double[] q = c.calibrateAll(probes(s));
      for (int i = 1; i < q.length; i++) {
        assertThat(q[i]).as(e.getKey() + " at probe " + i).isGreaterThanOrEqualTo(q[i - 1]);
      }
    }
  }

  @Property(tries = 8)
  void calibratedDataIsChangedLittle(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Synthetic data = Synthetic.calibrated(seed, 5_000);
    Sample s = new Sample(data.p, data.y, TrainingData.unitWeights(data.p.length));
    Map<String, Double> limits =
        Map.of("platt", 0.035, "beta", 0.035, "temperature", 0.02, "isotonic", 0.04, "histogram", 0.045);
    for (CalibrationMethod method : CalibrationMethod.values()) {
      Calibrator c = method.fit(s.p(), s.y());
      double change = Synthetic.meanAbsDifference(c.calibrateAll(s.p()), s.p());
      assertThat(change).as(method.id()).isLessThan(limits.get(method.id()));
    }
  }

  @Property
  void jsonRoundTripGivesAnEqualRecord(@ForAll("samples") Sample s) {
    for (Map.Entry<String, Function<Sample, Calibrator>> e : fitters().entrySet()) {
      Calibrator c = e.getValue().apply(s);
      assertThat(CalibratorJsonTest.roundTrip(c)).as(e.getKey()).isEqualTo(c);
    }
  }

  @Property
  void badValuesAreReportedWithTheirIndex(
      @ForAll("samples") Sample s, @ForAll @IntRange(min = 0, max = 1000) int at, @ForAll("badValues") double bad) {
    int index = at % s.p().length;
    double[] p = s.p().clone();
    p[index] = bad;
    List<String> names = new ArrayList<>(fitters().keySet());
    names.remove("online-platt");
    for (String name : names) {
      Sample broken = new Sample(p, s.y(), s.w());
      String prefix = name.equals("platt-on-scores") || name.equals("isotonic-step") ? "Not a finite score: "
          : "Not a probability: ";
      if (prefix.startsWith("Not a finite") && Double.isFinite(bad)) {
        continue; // scores may lie outside [0,1]
      }
      assertThatThrownBy(() -> fitters().get(name).apply(broken))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(prefix + bad + " at index " + index);
    }
  }

  @Provide
  Arbitrary<Double> badValues() {
    return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.5, 1.5);
  }
}
