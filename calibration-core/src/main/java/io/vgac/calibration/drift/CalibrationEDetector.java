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
  private final double[] deviationSum; // Σ over the bet grid of each deviation's e-CUSUMs

  private long count;
  private double statistic;
  private @Nullable CalibrationAlarm alarm; // null until the first alarm since the last reset

  public CalibrationEDetector(CalibrationEDetectorConfig config) {
    this.config = config;
    this.bets = config.bets().stream().mapToDouble(Double::doubleValue).toArray();
    this.threshold = 1 / config.alpha();
    this.eCusum = new double[DEVIATIONS.length * bets.length];
    this.deviationSum = new double[DEVIATIONS.length];
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
    // The four deviations' increments are ±r and ±s (CalibrationDeviation order: −r, r, −s, s); negation is exact,
    // so 1 − λr is bit-for-bit 1 + λ·(−r) and the unrolled loop equals the per-deviation one.
    double r = y - p;
    double s = (2 * p - 1) * r;
    int g = bets.length;
    double[] e = eCusum;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int k = 0; k < g; k++) {
      double lr = bets[k] * r;
      double ls = bets[k] * s;
      double m0 = atLeastOne(e[k]) * (1 - lr);
      double m1 = atLeastOne(e[g + k]) * (1 + lr);
      double m2 = atLeastOne(e[2 * g + k]) * (1 - ls);
      double m3 = atLeastOne(e[3 * g + k]) * (1 + ls);
      e[k] = m0;
      e[g + k] = m1;
      e[2 * g + k] = m2;
      e[3 * g + k] = m3;
      s0 += m0;
      s1 += m1;
      s2 += m2;
      s3 += m3;
    }
    // Sums now, averages when asked: the same divisions, off the per-item path.
    deviationSum[0] = s0;
    deviationSum[1] = s1;
    deviationSum[2] = s2;
    deviationSum[3] = s3;
    double total = s0 + s1 + s2 + s3;
    statistic = total / eCusum.length;
    count++;
    boolean above = statistic >= threshold;
    if (above && alarm == null) {
      alarm = new CalibrationAlarm(count - 1, strongestDeviation(), statistic, threshold);
    }
    return above;
  }

  /** max(m, 1) for the non-negative, non-NaN e-CUSUM values (without Math.max's NaN and −0 handling). */
  private static double atLeastOne(double m) {
    return m > 1 ? m : 1;
  }

  /** Restarts the test: all evidence and the recorded alarm are dropped. */
  public void reset() {
    Arrays.fill(eCusum, 0);
    Arrays.fill(deviationSum, 0);
    count = 0;
    statistic = 0;
    alarm = null;
  }

  /** The complete mutable state, for persistence; {@link #restore} makes a detector continue identically. */
  public CalibrationEDetectorState state() {
    return new CalibrationEDetectorState(count, eCusum.clone(), alarm);
  }

  /**
   * Replaces this detector's state with {@code state} (taken from a detector with the same configuration). The
   * statistic and per-deviation averages are recomputed in the order {@link #update} uses, so they are
   * bit-identical to the saved detector's. Validates everything first and changes nothing on failure.
   *
   * @throws IllegalArgumentException naming the field that is inconsistent with this detector's configuration
   */
  public void restore(CalibrationEDetectorState state) {
    double[] saved = state.eCusum();
    if (saved.length != eCusum.length) {
      throw new IllegalArgumentException(
          "eCusum must hold " + eCusum.length + " values (4 deviations × " + bets.length + " bets) but held "
              + saved.length);
    }
    for (int i = 0; i < saved.length; i++) {
      if (!(saved[i] >= 0) || Double.isInfinite(saved[i])) {
        throw new IllegalArgumentException("eCusum[" + i + "] must be finite and ≥ 0 but was " + saved[i]);
      }
    }
    if (state.count() < 0) {
      throw new IllegalArgumentException("count must be ≥ 0 but was " + state.count());
    }
    CalibrationAlarm a = state.alarm();
    if (a != null && !(a.index() >= 0 && a.index() < state.count())) {
      throw new IllegalArgumentException(
          "alarm.index must be in [0, " + state.count() + ") but was " + a.index());
    }
    if (a != null && a.threshold() != threshold) {
      throw new IllegalArgumentException(
          "alarm.threshold must be 1/alpha = " + threshold + " but was " + a.threshold());
    }
    System.arraycopy(saved, 0, eCusum, 0, saved.length);
    int g = bets.length;
    double total = 0;
    for (int d = 0; d < DEVIATIONS.length; d++) {
      double sum = 0;
      for (int k = 0, i = d * g; k < g; k++, i++) {
        sum += eCusum[i];
      }
      deviationSum[d] = sum;
      total += sum;
    }
    statistic = total / eCusum.length;
    count = state.count();
    alarm = a;
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
    return deviationSum[deviation.ordinal()] / bets.length;
  }

  /** {@code 1/α}. */
  public double threshold() {
    return threshold;
  }

  /** The deviation with the largest evidence now (OVER_PREDICTION when all are equal). */
  public CalibrationDeviation strongestDeviation() {
    int best = 0;
    for (int d = 1; d < deviationSum.length; d++) {
      if (deviationSum[d] > deviationSum[best]) {
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
