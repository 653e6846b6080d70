package io.vgac.agents.intervals;

import io.vgac.calibration.Interval;
import java.util.Map;

/**
 * An environment's interval evidence: nominal and realised coverage of the finite intervals it was given.
 *
 * @param envId the environment
 * @param nominal the nominal coverage {@code 1 − α*}
 * @param coverage realised coverage since the start over scored finite intervals; NaN before the first
 * @param coverageInterval its Wilson interval (NaN ends before the first)
 * @param windowCoverage realised coverage over the tracker's recent window; NaN before the first
 * @param scored outcomes scored against a finite interval
 * @param pending jobs issued and waiting for their outcome
 * @param lowerOffset the next band's lower offset in log(1 + seconds) from the point ({@code −∞} before any residual)
 * @param upperOffset the next band's upper offset ({@code +∞} before any residual)
 * @param missRateGap the controller's long-run miss rate minus α* over every scored outcome (NaN before the first)
 * @param skips skipped events by reason (only reasons that occurred)
 */
public record IntervalCoverage(
    String envId,
    double nominal,
    double coverage,
    Interval coverageInterval,
    double windowCoverage,
    long scored,
    int pending,
    double lowerOffset,
    double upperOffset,
    double missRateGap,
    Map<IntervalOutcome, Long> skips) {

  public IntervalCoverage {
    skips = Map.copyOf(skips);
  }

  /** Whether any outcome was scored (the coverage figures are defined). */
  public boolean known() {
    return scored > 0;
  }
}
