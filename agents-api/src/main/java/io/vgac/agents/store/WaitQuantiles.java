package io.vgac.agents.store;

import io.vgac.agents.model.Checks;

/**
 * Quantiles of the waits a cluster's jobs had, in minutes (from a streaming sketch: approximate, with relative error
 * smallest in the tails).
 *
 * @param count waits the quantiles are taken over (≥ 1)
 * @param p50 median
 * @param p90 90th percentile
 * @param p95 95th percentile
 * @param p99 99th percentile
 */
public record WaitQuantiles(long count, double p50, double p90, double p95, double p99) {

  /** @throws IllegalArgumentException for a count below 1, a quantile not finite and ≥ 0, or quantiles out of order */
  public WaitQuantiles {
    if (count < 1) {
      throw new IllegalArgumentException("count must be ≥ 1 but was " + count);
    }
    Checks.nonNegative("p50", p50);
    Checks.nonNegative("p90", p90);
    Checks.nonNegative("p95", p95);
    Checks.nonNegative("p99", p99);
    if (!(p50 <= p90 && p90 <= p95 && p95 <= p99)) {
      throw new IllegalArgumentException("quantiles must be ordered p50 ≤ p90 ≤ p95 ≤ p99 but were " + p50 + ", "
          + p90 + ", " + p95 + ", " + p99);
    }
  }
}
