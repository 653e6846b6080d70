package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IsotonicRegressionProperties {

  /** A weighted point; inputs come from a small grid so ties are common. */
  record Point(double x, double y, double w) {}

  @Provide
  Arbitrary<List<Point>> points() {
    Arbitrary<Double> x = Arbitraries.integers().between(0, 15).map(i -> i / 4.0);
    Arbitrary<Double> y = Arbitraries.doubles().between(-10, 10);
    Arbitrary<Double> w =
        Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.just(0.0), Arbitraries.doubles().between(0.01, 5));
    return Combinators.combine(x, y, w).as(Point::new).list().ofMinSize(1).ofMaxSize(40)
        .filter(list -> list.stream().mapToDouble(Point::w).sum() > 0);
  }

  private static IsotonicCalibrator fit(List<Point> points) {
    double[] x = points.stream().mapToDouble(Point::x).toArray();
    double[] y = points.stream().mapToDouble(Point::y).toArray();
    double[] w = points.stream().mapToDouble(Point::w).toArray();
    return IsotonicRegression.builder().unbounded().build().fit(x, y, w);
  }

  @Property
  void equalsBruteForce(@ForAll("points") List<Point> points) {
    TreeMap<Double, Double> expected = bruteForce(points);
    IsotonicCalibrator fit = fit(points);
    for (Map.Entry<Double, Double> e : expected.entrySet()) {
      assertThat(fit.calibrate(e.getKey())).isCloseTo(e.getValue(), within(1e-9));
    }
  }

  @Property
  void fittedValuesAreNonDecreasing(@ForAll("points") List<Point> points) {
    IsotonicCalibrator fit = fit(points);
    double[] xs = points.stream().mapToDouble(Point::x).sorted().toArray();
    double[] fitted = fit.calibrateAll(xs);
    for (int i = 1; i < fitted.length; i++) {
      assertThat(fitted[i]).isGreaterThanOrEqualTo(fitted[i - 1]);
    }
  }

  @Property
  void weightedMeanIsPreserved(@ForAll("points") List<Point> points) {
    IsotonicCalibrator fit = fit(points);
    double observed = 0;
    double fitted = 0;
    for (Point p : points) {
      observed += p.w() * p.y();
      fitted += p.w() * fit.calibrate(p.x());
    }
    assertThat(fitted).isCloseTo(observed, within(1e-9 * (1 + Math.abs(observed))));
  }

  @Property
  void rowOrderDoesNotMatter(@ForAll("points") List<Point> points, @ForAll long seed) {
    List<Point> shuffled = new ArrayList<>(points);
    Collections.shuffle(shuffled, new Random(seed));
    IsotonicCalibrator a = fit(points);
    IsotonicCalibrator b = fit(shuffled);
    assertThat(b.x()).containsExactly(a.x());
    assertThat(b.y()).containsExactly(a.y(), within(1e-9));
  }

  /**
   * Independent O(m²)-per-point definition of weighted isotonic regression on the pooled points:
   * {@code f(xᵢ) = max_{j ≤ i} min_{k ≥ i} mean(j..k)} (the min-max formula), with ties pooled by a map.
   */
  static TreeMap<Double, Double> bruteForce(List<Point> points) {
    TreeMap<Double, double[]> pooled = new TreeMap<>(); // x → {Σw·y, Σw}
    for (Point p : points) {
      if (p.w() > 0) {
        double[] acc = pooled.computeIfAbsent(p.x(), k -> new double[2]);
        acc[0] += p.w() * p.y();
        acc[1] += p.w();
      }
    }
    List<Double> xs = new ArrayList<>(pooled.keySet());
    int m = xs.size();
    double[] wy = new double[m];
    double[] w = new double[m];
    for (int i = 0; i < m; i++) {
      double[] acc = pooled.get(xs.get(i));
      wy[i] = acc[0];
      w[i] = acc[1];
    }
    TreeMap<Double, Double> out = new TreeMap<>();
    for (int i = 0; i < m; i++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int j = 0; j <= i; j++) {
        double worst = Double.POSITIVE_INFINITY;
        double sWy = 0;
        double sW = 0;
        for (int k = j; k < m; k++) {
          sWy += wy[k];
          sW += w[k];
          if (k >= i) {
            worst = Math.min(worst, sWy / sW);
          }
        }
        best = Math.max(best, worst);
      }
      out.put(xs.get(i), best);
    }
    return out;
  }
}
