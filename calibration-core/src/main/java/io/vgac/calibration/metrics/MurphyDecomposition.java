package io.vgac.calibration.metrics;

/**
 * Murphy's binned decomposition of the Brier score, with the two within-bin terms of Stephenson, Coelho &amp; Jolliffe
 * (2008) that make it exact: {@code brier = reliability − resolution + uncertainty + withinBinVariance −
 * withinBinCovariance}.
 *
 * @param reliability Σ (W_b/W)(p̄_b − ȳ_b)²
 * @param resolution Σ (W_b/W)(ȳ_b − ȳ)²
 * @param uncertainty ȳ(1 − ȳ)
 * @param withinBinVariance (1/W) Σ_b Σ_{i∈b} w_i (p_i − p̄_b)²
 * @param withinBinCovariance (2/W) Σ_b Σ_{i∈b} w_i (p_i − p̄_b)(y_i − ȳ_b)
 */
public record MurphyDecomposition(
    double reliability,
    double resolution,
    double uncertainty,
    double withinBinVariance,
    double withinBinCovariance) {

  /** The Brier score the five terms add up to. */
  public double brier() {
    return reliability - resolution + uncertainty + withinBinVariance - withinBinCovariance;
  }
}
