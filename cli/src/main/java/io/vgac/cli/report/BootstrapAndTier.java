package io.vgac.cli.report;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.metrics.CalibrationOptions;
import java.util.function.IntConsumer;

/**
 * What the report takes from calibration-core's bootstrap and tier policy. The one seam between the command and
 * those two APIs, so that adopting a change in them touches a single implementation class.
 */
public interface BootstrapAndTier {
  /**
   * Percentile bootstrap intervals of the report's scalar metrics.
   *
   * @param progress called with the number of resamples done so far
   */
  BootstrapSummary bootstrap(
      Predictions predictions, CalibrationOptions options, int resamples, long seed, IntConsumer progress);

  /** The tier the model qualifies for with this ECE (NaN qualifies for none). */
  QualifiedTier qualifiedTier(double ece);

  /** The implementation the command uses. */
  static BootstrapAndTier standard() {
    return new InterimBootstrapAndTier();
  }
}
