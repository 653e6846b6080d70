package io.vgac.calibration.binning;

import io.vgac.calibration.Interval;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Erf;

/** Confidence intervals for a bin's observed rate. */
public enum BinInterval {
  /** Wilson score interval (closed form; good coverage down to small n). */
  WILSON {
    @Override
    public Interval interval(double successes, double n, double level) {
      if (!(n > 0)) {
        return Interval.undefined(level);
      }
      double z = zQuantile(level);
      double phat = successes / n;
      double z2 = z * z;
      double denom = 1 + z2 / n;
      double centre = (phat + z2 / (2 * n)) / denom;
      double half = z * Math.sqrt(phat * (1 - phat) / n + z2 / (4 * n * n)) / denom;
      return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), level);
    }
  },
  /** Jeffreys interval: equal-tailed quantiles of Beta(x + ½, n − x + ½), with the usual 0/1 end conventions. */
  JEFFREYS {
    @Override
    public Interval interval(double successes, double n, double level) {
      if (!(n > 0)) {
        return Interval.undefined(level);
      }
      double tail = (1 - level) / 2;
      BetaDistribution beta = new BetaDistribution(null, successes + 0.5, n - successes + 0.5);
      double lo = successes <= 0 ? 0 : beta.inverseCumulativeProbability(tail);
      double hi = successes >= n ? 1 : beta.inverseCumulativeProbability(1 - tail);
      return new Interval(lo, hi, level);
    }
  };

  public static final double DEFAULT_LEVEL = 0.95;

  /** Interval for {@code successes} out of {@code n} at coverage {@code level}; undefined when n = 0. */
  public abstract Interval interval(double successes, double n, double level);

  static double zQuantile(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0,1) but was " + level);
    }
    return Math.sqrt(2) * Erf.erfInv(level);
  }
}
