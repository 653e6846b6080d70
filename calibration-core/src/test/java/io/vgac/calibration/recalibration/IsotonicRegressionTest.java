package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vgac.calibration.recalibration.IsotonicCalibrator.Interpolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IsotonicRegressionTest {

  @ParameterizedTest
  @EnumSource(Interpolation.class)
  void matchesSparkReferenceVector(Interpolation interpolation) {
    String row = ReferenceVectors.row("IsotonicRegressionModel");
    double[] y = ReferenceVectors.array(row, "y=\\[([^\\]]+)\\]");
    double[] expected = ReferenceVectors.array(row, "PAV fit \\[([^\\]]+)\\]");
    double[] x = {0, 1, 2, 3, 4, 5, 6};
    assertThat(y).hasSize(7);

    IsotonicCalibrator fit =
        IsotonicRegression.builder().unbounded().interpolation(interpolation).build().fit(x, y);

    assertThat(fit.calibrateAll(x)).containsExactly(expected, within(1e-12));
    assertThat(fit.calibrate(3)).isEqualTo(ReferenceVectors.number(row, "predict\\(3\\)=([0-9.]+)"));
    assertThat(fit.calibrate(5)).isEqualTo(ReferenceVectors.number(row, "predict\\(5\\)=([0-9.]+)"));
    // First and last input of each constant run are kept: 0 | 1, 3 | 4 | 5, 6.
    assertThat(fit.x()).containsExactly(0, 1, 3, 4, 5, 6);
    assertThat(fit.y()).containsExactly(1, 2, 2, 6, 16.5, 16.5);
  }

  @Test
  void defaultRangeClipsToTheUnitInterval() {
    IsotonicCalibrator fit = IsotonicRegression.ofDefaults().fit(new double[] {0, 1, 2}, new double[] {-3, 0.5, 7});
    assertThat(fit.calibrateAll(new double[] {0, 1, 2})).containsExactly(0, 0.5, 1);
    IsotonicCalibrator narrow =
        IsotonicRegression.builder().yRange(0.2, 0.8).build().fit(new double[] {0, 1, 2}, new double[] {0, 0.5, 1});
    assertThat(narrow.calibrateAll(new double[] {0, 1, 2})).containsExactly(0.2, 0.5, 0.8);
  }

  @Test
  void stepIsLeftContinuousAndLinearInterpolates() {
    double[] p = {0.1, 0.2, 0.3, 0.4};
    int[] y = {0, 0, 1, 1};
    IsotonicCalibrator linear = IsotonicRegression.ofDefaults().fit(p, y);
    IsotonicCalibrator step = IsotonicRegression.builder().interpolation(Interpolation.STEP).build().fit(p, y);

    assertThat(linear.calibrate(0.25)).isCloseTo(0.5, within(1e-12));
    assertThat(step.calibrate(0.25)).isEqualTo(1.0); // constant on (0.2, 0.3]
    assertThat(step.calibrate(0.2)).isEqualTo(0.0);
    assertThat(step.calibrate(0.3)).isEqualTo(1.0);
    // Outside the knots both clip to the end values (scikit-learn's out_of_bounds='clip').
    for (IsotonicCalibrator c : new IsotonicCalibrator[] {linear, step}) {
      assertThat(c.calibrate(0.0)).isEqualTo(0.0);
      assertThat(c.calibrate(1.0)).isEqualTo(1.0);
      assertThat(c.calibrate(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    }
  }

  @Test
  void tiesArePooledIntoOneWeightedPoint() {
    // The tie at 0.5 is one point with mean 1/3 and weight 3, whatever the row order.
    IsotonicCalibrator a =
        IsotonicRegression.ofDefaults().fit(new double[] {0.5, 0.5, 0.5, 0.9}, new int[] {1, 0, 0, 1});
    IsotonicCalibrator b =
        IsotonicRegression.ofDefaults().fit(new double[] {0.9, 0.5, 0.5, 0.5}, new int[] {1, 0, 0, 1});
    assertThat(a).isEqualTo(b);
    assertThat(a.x()).containsExactly(0.5, 0.9);
    assertThat(a.y()).containsExactly(new double[] {1.0 / 3, 1.0}, within(1e-15));

    // A violating pair across a tie: (0.2 → 1) pools with the tie block (0.5 → 1/3, w 3) to 0.5.
    IsotonicCalibrator c =
        IsotonicRegression.ofDefaults().fit(new double[] {0.2, 0.5, 0.5, 0.5}, new int[] {1, 0, 1, 0});
    assertThat(c.calibrateAll(new double[] {0.2, 0.5})).containsExactly(0.5, 0.5);
  }

  @Test
  void weightsEqualRepeatedRowsAndZeroWeightsAreIgnored() {
    IsotonicCalibrator weighted =
        IsotonicRegression.ofDefaults()
            .fit(new double[] {0.1, 0.4, 0.7, 0.8}, new int[] {1, 0, 1, 0}, new double[] {3, 1, 2, 0});
    IsotonicCalibrator repeated =
        IsotonicRegression.ofDefaults().fit(new double[] {0.1, 0.1, 0.1, 0.4, 0.7, 0.7}, new int[] {1, 1, 1, 0, 1, 1});
    assertThat(weighted).isEqualTo(repeated);
    // Hand PAV: 1(w3), 0(w1) → 0.75 (w4); then 1 (w2): fine.
    assertThat(weighted.calibrateAll(new double[] {0.1, 0.4, 0.7})).containsExactly(0.75, 0.75, 1.0);
  }

  @Test
  void acceptsScoresOutsideTheUnitInterval() {
    IsotonicCalibrator fit = IsotonicRegression.ofDefaults().fit(new double[] {-5, 0, 12}, new int[] {0, 1, 1});
    assertThat(fit.calibrate(-7)).isEqualTo(0.0);
    assertThat(fit.calibrate(100)).isEqualTo(1.0);
  }

  @Test
  void singlePointGivesAConstant() {
    IsotonicCalibrator fit = IsotonicRegression.ofDefaults().fit(new double[] {0.3}, new int[] {1});
    assertThat(fit.knots()).isEqualTo(1);
    assertThat(fit.calibrateAll(new double[] {0, 0.3, 1})).containsExactly(1, 1, 1);
  }

  @Test
  void negativeZeroIsTheSameInputAsZero() {
    IsotonicCalibrator fit =
        IsotonicRegression.builder().unbounded().interpolation(Interpolation.STEP).build()
            .fit(new double[] {-1, -0.0, 0.0, 1}, new double[] {0, 1, 3, 5});
    assertThat(fit.x()).containsExactly(-1, 0, 1);
    assertThat(fit.calibrate(0.0)).isEqualTo(2.0);
    assertThat(fit.calibrate(-0.0)).isEqualTo(2.0);
  }

  @Test
  void rejectsBadInputNamingIndexAndValue() {
    IsotonicRegression iso = IsotonicRegression.ofDefaults();
    assertThatThrownBy(() -> iso.fit(new double[] {0.1, Double.NaN}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a finite score: NaN at index 1");
    assertThatThrownBy(() -> iso.fit(new double[] {0.1, 0.2}, new int[] {0, -1}))
        .hasMessage("Not a 0/1 label: -1 at index 1");
    assertThatThrownBy(() -> iso.fit(new double[] {0, 1}, new double[] {0, Double.POSITIVE_INFINITY}))
        .hasMessage("Not a finite target: Infinity at index 1");
    assertThatThrownBy(() -> iso.fit(new double[] {Double.NaN}, new double[] {0}))
        .hasMessage("Not a finite input: NaN at index 0");
    assertThatThrownBy(() -> iso.fit(new double[] {0, 1}, new double[] {0}))
        .hasMessage("Mismatched lengths: 2 inputs but 1 targets");
    assertThatThrownBy(() -> iso.fit(new double[0], new double[0])).hasMessageStartingWith("Empty input");
    assertThatThrownBy(() -> iso.fit(new double[] {0.5}, new int[] {1}, new double[] {Double.NaN}))
        .hasMessage("Not a finite non-negative weight: NaN at index 0");
    assertThatThrownBy(() -> IsotonicRegression.ofDefaults().fit(new double[] {0.5}, new int[] {1}).calibrate(Double.NaN))
        .hasMessage("Not a value: NaN");
  }

  @Test
  void recordAndBuilderValidate() {
    assertThatThrownBy(() -> new IsotonicCalibrator(new double[] {0, 0}, new double[] {0, 1}, Interpolation.LINEAR))
        .hasMessage("Knot inputs must be strictly increasing: 0.0 at index 1 after 0.0");
    assertThatThrownBy(() -> new IsotonicCalibrator(new double[] {0, 1}, new double[] {1, 0}, Interpolation.LINEAR))
        .hasMessage("Knot values must be non-decreasing: 0.0 at index 1 after 1.0");
    assertThatThrownBy(() -> new IsotonicCalibrator(new double[0], new double[0], Interpolation.STEP))
        .hasMessage("x must hold at least one knot");
    assertThatThrownBy(() -> IsotonicRegression.builder().yRange(1, 0))
        .hasMessage("yMax must be ≥ yMin = 1.0 but was 0.0");
    assertThatThrownBy(() -> IsotonicRegression.builder().yRange(Double.NaN, 0))
        .hasMessage("yMin must be in [−∞,∞) but was NaN");
  }
}
