package io.vgac.tracelab.features;

/**
 * A time-ordered split of rows {@code [0, n)} into fit {@code [0, fitEnd)}, calibrate {@code [fitEnd, calibrateEnd)}
 * and test {@code [calibrateEnd, n)}: every model is evaluated only on jobs submitted after everything it learnt from.
 */
public record TimeSplit(int n, int fitEnd, int calibrateEnd) {
  /** The default shares: 60 % fit, 20 % calibrate, 20 % test. */
  public static final double DEFAULT_FIT = 0.6;
  public static final double DEFAULT_CALIBRATE = 0.2;

  public TimeSplit {
    if (!(0 < fitEnd && fitEnd < calibrateEnd && calibrateEnd < n)) {
      throw new IllegalArgumentException("split must have 0 < fitEnd < calibrateEnd < n but was fitEnd=" + fitEnd
          + ", calibrateEnd=" + calibrateEnd + ", n=" + n + " (too few labelled jobs?)");
    }
  }

  /**
   * Splits {@code n} rows by shares; each part gets at least one row.
   *
   * @throws IllegalArgumentException for shares outside (0, 1) with a sum ≥ 1, or fewer than 3 rows
   */
  public static TimeSplit of(int n, double fit, double calibrate) {
    if (!(fit > 0 && calibrate > 0 && fit + calibrate < 1)) {
      throw new IllegalArgumentException("fit and calibrate shares must be > 0 with a sum < 1 but were " + fit
          + ", " + calibrate);
    }
    if (n < 3) {
      throw new IllegalArgumentException("a split needs at least 3 rows (one per part) but had " + n
          + " (too few labelled jobs?)");
    }
    // clamped so that a small n still leaves every part a row (rounding alone could empty the middle one)
    int a = Math.min(n - 2, Math.max(1, (int) Math.round(n * fit)));
    int b = Math.min(n - 1, Math.max(a + 1, (int) Math.round(n * (fit + calibrate))));
    return new TimeSplit(n, a, b);
  }

  public static TimeSplit ofDefaults(int n) {
    return of(n, DEFAULT_FIT, DEFAULT_CALIBRATE);
  }
}
