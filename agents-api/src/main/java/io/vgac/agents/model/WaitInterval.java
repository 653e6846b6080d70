package io.vgac.agents.model;

/**
 * A prediction interval for a job's wait, in seconds: the wait lies in {@code [lo, hi]} with nominal probability
 * {@code coverage} (conformal calibration; the realised coverage of an environment is tracked separately and is what
 * to trust).
 *
 * @param lo the lower end in seconds, finite and ≥ 0
 * @param hi the upper end in seconds, finite and ≥ lo
 * @param coverage the nominal coverage, in (0,1)
 */
public record WaitInterval(double lo, double hi, double coverage) {

  public WaitInterval {
    if (!(lo >= 0) || !Double.isFinite(lo)) {
      throw new IllegalArgumentException("lo must be a finite number of seconds ≥ 0 but was " + lo);
    }
    if (!(hi >= lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("hi must be a finite number of seconds ≥ lo (" + lo + ") but was " + hi);
    }
    if (!(coverage > 0 && coverage < 1)) {
      throw new IllegalArgumentException("coverage must be in (0,1) but was " + coverage);
    }
  }

  /** Whether a wait of {@code seconds} lies in the interval. */
  public boolean contains(double seconds) {
    return seconds >= lo && seconds <= hi;
  }

  /** {@code hi − lo}. */
  public double width() {
    return hi - lo;
  }
}
