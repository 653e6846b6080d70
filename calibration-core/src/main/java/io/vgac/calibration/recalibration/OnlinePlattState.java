package io.vgac.calibration.recalibration;

/**
 * The complete state of an {@link OnlinePlattScaling} learner, so it can be stored and resumed with
 * {@link OnlinePlattScaling#resume(OnlinePlattConfig, OnlinePlattState)}: the parameters {@code (a, b)}, the
 * accumulated matrix {@code A = εI + Σ ∇∇ᵀ} (symmetric, stored as {@code a11, a12, a22}) and the update count.
 *
 * @param a slope on the log-odds
 * @param b offset
 * @param a11 {@code A[0][0]} (> 0)
 * @param a12 {@code A[0][1] = A[1][0]}
 * @param a22 {@code A[1][1]} (> 0, with {@code a11·a22 > a12²})
 * @param updates number of labelled updates so far (≥ 0)
 */
public record OnlinePlattState(double a, double b, double a11, double a12, double a22, long updates) {

  public OnlinePlattState {
    double[] values = {a, b, a11, a12, a22};
    String[] names = {"a", "b", "a11", "a12", "a22"};
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(names[i] + " must be finite but was " + values[i]);
      }
    }
    if (!(a11 > 0 && a22 > 0 && a11 * a22 - a12 * a12 > 0)) {
      throw new IllegalArgumentException(
          "A must be positive definite but was [[" + a11 + ", " + a12 + "], [" + a12 + ", " + a22 + "]]");
    }
    if (updates < 0) {
      throw new IllegalArgumentException("updates must be ≥ 0 but was " + updates);
    }
  }
}
