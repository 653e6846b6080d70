package io.vgac.tracelab.eval;

/**
 * Realised coverage and width of one kind of wait interval on one trace.
 *
 * @param method {@code static} (split conformal on the training trace) or {@code adaptive} (the online controller
 *     with late labels)
 * @param nominal the nominal coverage
 * @param n jobs with an observed wait scored against a finite interval
 * @param coverage the share of them whose wait was inside; NaN when none
 * @param medianWidthSeconds the median of {@code hi − lo} over them; NaN when none
 * @param unbounded jobs given no finite interval (not in {@code n})
 */
public record IntervalResult(
    String method, double nominal, int n, double coverage, double medianWidthSeconds, int unbounded) {

  /** {@code coverage − nominal}. */
  public double gap() {
    return coverage - nominal;
  }
}
