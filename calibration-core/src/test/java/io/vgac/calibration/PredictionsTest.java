package io.vgac.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PredictionsTest {
  @Test
  void badProbabilitiesAreNamedByIndexAndValue() {
    assertThatThrownBy(() -> Predictions.of(new double[] {0.1, Double.NaN}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a probability: NaN at index 1");
    assertThatThrownBy(() -> Predictions.of(new double[] {Double.POSITIVE_INFINITY}, new int[] {0}))
        .hasMessage("Not a probability: Infinity at index 0");
    assertThatThrownBy(() -> Predictions.of(new double[] {0.5, 0.2, Double.NEGATIVE_INFINITY}, new int[] {0, 1, 0}))
        .hasMessage("Not a probability: -Infinity at index 2");
    assertThatThrownBy(() -> Predictions.of(new double[] {1.0000001}, new int[] {0}))
        .hasMessage("Not a probability: 1.0000001 at index 0");
    assertThatThrownBy(() -> Predictions.of(new double[] {-1e-300}, new int[] {0}))
        .hasMessage("Not a probability: -1.0E-300 at index 0");
  }

  @Test
  void badLabelsAreNamedByIndexAndValue() {
    assertThatThrownBy(() -> Predictions.of(new double[] {0.1, 0.2, 0.3}, new int[] {0, 1, 2}))
        .hasMessage("Not a 0/1 label: 2 at index 2");
    assertThatThrownBy(() -> Predictions.of(new double[] {0.1}, new int[] {-1}))
        .hasMessage("Not a 0/1 label: -1 at index 0");
    assertThatThrownBy(() -> Predictions.wrap(new double[] {0.1}, new byte[] {7}, null))
        .hasMessage("Not a 0/1 label: 7 at index 0");
  }

  @Test
  void shapeErrors() {
    assertThatThrownBy(() -> Predictions.of(new double[0], new int[0]))
        .hasMessage("Empty input: at least one prediction is required");
    assertThatThrownBy(() -> Predictions.of(new double[] {0.1, 0.2}, new int[] {1}))
        .hasMessage("Mismatched lengths: 2 probabilities but 1 labels");
    assertThatThrownBy(() -> Predictions.of(new double[] {0.1}, new int[] {1}, new double[] {1, 2}))
        .hasMessage("Mismatched lengths: 1 probabilities but 2 weights");
  }

  @Test
  void badWeights() {
    assertThatThrownBy(() -> Predictions.of(new double[] {0.1, 0.2}, new int[] {1, 0}, new double[] {1, -1}))
        .hasMessage("Not a finite non-negative weight: -1.0 at index 1");
    assertThatThrownBy(() -> Predictions.of(new double[] {0.1}, new int[] {1}, new double[] {Double.NaN}))
        .hasMessage("Not a finite non-negative weight: NaN at index 0");
    assertThatThrownBy(() -> Predictions.of(new double[] {0.1}, new int[] {1}, new double[] {0}))
        .hasMessage("All weights are zero: at least one positive weight is required");
  }

  @Test
  void inputsAreCopiedSoLaterChangesCannotLeakIn() {
    double[] p = {0.2, 0.8};
    int[] y = {0, 1};
    Predictions data = Predictions.of(p, y);
    p[0] = 5;
    y[1] = 9;
    assertThat(data.probability(0)).isEqualTo(0.2);
    assertThat(data.label(1)).isEqualTo(1);
    assertThat(data.positives()).isEqualTo(1);
    assertThat(data).isEqualTo(Predictions.of(new double[] {0.2, 0.8}, new int[] {0, 1}));
  }

  @Test
  void negativeZeroIsAProbability() {
    assertThat(Predictions.of(new double[] {-0.0}, new int[] {0}).size()).isEqualTo(1);
  }
}
