package io.vgac.calibration.binning;

/**
 * One row of a calibration table.
 *
 * @param lo lower edge (for data-defined schemes: the smallest score in the bin)
 * @param hi upper edge (for data-defined schemes: the largest score in the bin)
 * @param n rows in the bin (a row split by a weighted array-split boundary counts in both bins)
 * @param weight Σw of the bin's rows
 * @param meanP weighted mean predicted probability; NaN when the bin is empty
 * @param observed weighted observed rate of outcome 1; NaN when the bin is empty
 * @param positives Σw·y (the count of positives when unweighted)
 * @param ciLo lower end of the interval for {@code observed}; NaN when empty
 * @param ciHi upper end of the interval for {@code observed}; NaN when empty
 */
public record Bin(
    double lo,
    double hi,
    long n,
    double weight,
    double meanP,
    double observed,
    double positives,
    double ciLo,
    double ciHi) {

  /** Empty bins are listed in tables and excluded from every sum. */
  public boolean isEmpty() {
    return !(weight > 0);
  }

  /** |meanP − observed|, NaN when empty. */
  public double gap() {
    return Math.abs(meanP - observed);
  }
}
