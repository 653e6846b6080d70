package io.vgac.calibration.drift;

import io.vgac.calibration.Probability;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An anytime-valid sequential test of "every outcome {@code y_t} is Bernoulli({@code p_t})": a mixture of
 * e-CUSUM betting processes (Shin, Ramdas &amp; Rinaldo, "E-detectors: a nonparametric framework for sequential
 * change detection", 2023).
 *
 * <p><b>Construction.</b> For each {@link CalibrationDeviation} d (increments {@code z = ∓(y − p)} for
 * calibration-in-the-large, {@code z = ∓(2p − 1)(y − p)} for the spread; all in [−1, 1]) and each bet λ of the
 * grid (λ ∈ (0,1), so {@code 1 + λz > 0}), the e-CUSUM statistic is
 * {@code M_t = max(M_{t−1}, 1) · (1 + λ·z_t)}, {@code M_0 = 0}, i.e. the best product of likelihood-ratio-like
 * factors over all possible change points. The detector's statistic is the plain average of all
 * (4 deviations × G bets) e-CUSUMs, and it alarms when that average reaches {@code 1/α}. The reported
 * deviation is the one whose own average over the bets is largest; this attribution is descriptive, not tested:
 * on scores mostly below 1/2, a rise of every true rate is also an over-confidence of the low scores, and
 * either may be reported.
 *
 * <p><b>Guarantee.</b> If, given the past and {@code p_t}, {@code y_t ~ Bernoulli(p_t)} (the predictions may
 * depend on the past in any way), each factor has conditional mean 1, so each e-CUSUM is bounded by the
 * e-Shiryaev-Roberts statistic whose excess over t is a martingale; hence {@code E[M_τ] ≤ E[τ]} for every
 * stopping time τ (an <i>e-detector</i>), and so is the average. At the alarm time τ the average is ≥ 1/α,
 * therefore <b>the average run length to a false alarm under calibration is at least 1/α</b>
 * ({@code E[τ] ≥ 1/α}). This is a bound on the mean, not a probability of no alarm over a horizon.
 *
 * <p><b>Why one average and not α/4 per deviation.</b> A Bonferroni rule (each deviation's mixture against
 * 4/α) has the same guarantee, because the average is at least a quarter of any deviation's mixture; but for
 * the same reason the average reaches 1/α no later than the Bonferroni rule does, so it is never slower.
 *
 * <p>{@link #update(double, int)} returns true while the statistic is at or above the threshold; the first
 * such observation is kept as {@link #alarm()} until {@link #reset()} restarts the test. Mutable and not
 * thread-safe; an update costs O(4·G) and does not allocate (except the one {@link CalibrationAlarm} record at
 * the first alarm).
 */
public final class CalibrationEDetector {
  private static final CalibrationDeviation[] DEVIATIONS = CalibrationDeviation.values();

  private final CalibrationEDetectorConfig config;
  private final double[] bets;
  private final double threshold;
  private final double[] eCusum; // deviation-major: [d * bets.length + g]
  private final double[] deviationMixture;

  private long count;
  private double statistic;
  private @Nullable CalibrationAlarm alarm; // null until the first alarm since the last reset

  public CalibrationEDetector(CalibrationEDetectorConfig config) {
    this.config = config;
    this.bets = config.bets().stream().mapToDouble(Double::doubleValue).toArray();
    this.threshold = 1 / config.alpha();
    this.eCusum = new double[DEVIATIONS.length * bets.length];
    this.deviationMixture = new double[DEVIATIONS.length];
    reset();
  }

  /** α = 0.001 and the default bet grid. */
  public static CalibrationEDetector ofDefaults() {
    return new CalibrationEDetector(CalibrationEDetectorConfig.ofDefaults());
  }

  public CalibrationEDetectorConfig config() {
    return config;
  }

  /**
   * Feeds one prediction and its outcome.
   *
   * @param p the predicted probability of {@code y = 1}, in [0,1]
   * @param y the outcome, 0 or 1
   * @return true when the statistic is at or above {@code 1/α} after this observation
   * @throws IllegalArgumentException when {@code p} is not a probability or {@code y} not 0/1, naming the value
   */
  public boolean update(double p, int y) {
    Probability.check(p);
    Probability.checkLabel(y);
    int g = bets.length;
    double total = 0;
    for (int d = 0; d < DEVIATIONS.length; d++) {
      double z = DEVIATIONS[d].increment(p, y);
      double sum = 0;
      for (int k = 0, i = d * g; k < g; k++, i++) {
        double m = Math.max(eCusum[i], 1) * (1 + bets[k] * z);
        eCusum[i] = m;
        sum += m;
      }
      deviationMixture[d] = sum / g;
      total += sum;
    }
    statistic = total / eCusum.length;
    count++;
    boolean above = statistic >= threshold;
    if (above && alarm == null) {
      alarm = new CalibrationAlarm(count - 1, strongestDeviation(), statistic, threshold);
    }
    return above;
  }

  /** Restarts the test: all evidence and the recorded alarm are dropped. */
  public void reset() {
    Arrays.fill(eCusum, 0);
    Arrays.fill(deviationMixture, 0);
    count = 0;
    statistic = 0;
    alarm = null;
  }

  /** Observations since construction or the last reset. */
  public long count() {
    return count;
  }

  /** The e-detector statistic (average of all e-CUSUMs); 0 before any observation. */
  public double statistic() {
    return statistic;
  }

  /** The average over the bet grid of the e-CUSUMs of one deviation; 0 before any observation. */
  public double statistic(CalibrationDeviation deviation) {
    return deviationMixture[deviation.ordinal()];
  }

  /** {@code 1/α}. */
  public double threshold() {
    return threshold;
  }

  /** The deviation with the largest evidence now (OVER_PREDICTION when all are equal). */
  public CalibrationDeviation strongestDeviation() {
    int best = 0;
    for (int d = 1; d < deviationMixture.length; d++) {
      if (deviationMixture[d] > deviationMixture[best]) {
        best = d;
      }
    }
    return DEVIATIONS[best];
  }

  /** The first alarm since construction or the last reset, if any. */
  public Optional<CalibrationAlarm> alarm() {
    return Optional.ofNullable(alarm);
  }

  @Override
  public String toString() {
    return "CalibrationEDetector[statistic=" + statistic + ", threshold=" + threshold + ", count=" + count
        + ", alarm=" + alarm + "]";
  }
}
