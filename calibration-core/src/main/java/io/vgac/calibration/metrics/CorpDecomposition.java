package io.vgac.calibration.metrics;

/**
 * The CORP decomposition of the Brier score (Dimitriadis, Gneiting &amp; Jordan 2021): the forecasts are recalibrated
 * by isotonic (PAV) regression, with no binning choice to make. {@code brier = miscalibration − discrimination +
 * uncertainty} holds exactly, and every term is non-negative.
 *
 * @param miscalibration MCB = S(p) − S(p̂)
 * @param discrimination DSC = S(ȳ) − S(p̂)
 * @param uncertainty UNC = S(ȳ) = ȳ(1 − ȳ)
 */
public record CorpDecomposition(double miscalibration, double discrimination, double uncertainty) {

  public double brier() {
    return miscalibration - discrimination + uncertainty;
  }
}
