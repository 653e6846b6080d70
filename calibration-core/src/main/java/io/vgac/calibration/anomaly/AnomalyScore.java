package io.vgac.calibration.anomaly;

/**
 * The verdict on one observation and what it was compared with.
 *
 * @param status normal, anomalous, or warming up (then the numbers below may be NaN)
 * @param value the observed value
 * @param expected the expected value: the seasonal median of its hour plus the current level; NaN while warming up
 * @param lo lower end of the expected range ({@code expected − threshold·scale}); NaN while warming up
 * @param hi upper end of the expected range ({@code expected + threshold·scale}); NaN while warming up
 * @param score robust z-score {@code (value − expected)/scale}: signed, in robust standard deviations; NaN while
 *     warming up
 * @param seasonal the seasonal median used (hour of week, else hour of day, else recent hours); NaN if none yet
 * @param level the EWMA level added to the seasonal median (how far the series currently runs from its profile)
 * @param scale the robust scale: 1.4826 × MAD of recent residuals, at least the configured floors; NaN if none yet
 * @param hourOfWeek the observation's hour of the week, 0 = Monday 00:00–01:00 UTC … 167 = Sunday 23:00 UTC
 * @param baseline which seasonal bucket the median came from
 */
public record AnomalyScore(
    AnomalyStatus status,
    double value,
    double expected,
    double lo,
    double hi,
    double score,
    double seasonal,
    double level,
    double scale,
    int hourOfWeek,
    Baseline baseline) {

  /** Which seasonal median an observation was compared with: the most specific one with enough history. */
  public enum Baseline {
    HOUR_OF_WEEK,
    HOUR_OF_DAY,
    RECENT_HOURS,
    NONE
  }

  public boolean isAnomaly() {
    return status == AnomalyStatus.ANOMALY;
  }
}
