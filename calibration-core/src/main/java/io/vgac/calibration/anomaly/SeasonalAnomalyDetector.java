package io.vgac.calibration.anomaly;

import io.vgac.calibration.anomaly.AnomalyScore.Baseline;
import java.util.Arrays;
import java.util.Objects;

/**
 * A robust seasonal anomaly detector for one metric of one environment. Expected value at time t:
 *
 * <pre>
 *   expected = seasonal median of t's hour + level
 *   score    = (value − expected) / scale,       anomalous when |score| &gt; threshold
 * </pre>
 *
 * <ul>
 *   <li><b>seasonal median</b>: observations are averaged per clock hour; each finished hour's mean joins its
 *       hour-of-week bucket (the last {@code weeksKept} weeks) and its hour-of-day bucket (the last {@code daysKept}
 *       days), winsorised at the expected range of its observations so a spike enters at most at the range's edge.
 *       The median of the most specific bucket with {@code minBucketSamples} values is used (hour of week,
 *       else hour of day, else the last 24 hours), so the profile works after a few days and sharpens over weeks.
 *       Medians ignore a spike in a bucket.
 *   <li><b>level</b>: an EWMA of {@code value − seasonal} (learnt only where the hour-of-week median is in use), fed with residuals clipped at ±{@code levelClip}·scale
 *       (a Huber-type update): a one-off spike moves it by at most λ·clip·scale, a lasting shift is absorbed at that
 *       rate, so a level shift alarms at its onset and stops once it is the new normal.
 *   <li><b>scale</b>: 1.4826 × the median absolute deviation of the last {@code residualWindow} residuals (each
 *       clipped at ±threshold·scale before it is kept, so spikes do not inflate it), floored by {@code minScale} and
 *       {@code relativeMinScale}·|expected| so a flat series does not alarm on noise-free jitter.
 * </ul>
 *
 * No alarm before {@code warmUpHours} distinct hours of history ({@link AnomalyStatus#WARMING_UP}). Memory is
 * bounded: {@code 168·weeksKept + 24·daysKept + 24 + residualWindow} doubles, whatever the length of the series or
 * the sampling rate. Not thread-safe.
 */
public final class SeasonalAnomalyDetector {
  private static final long HOUR_MS = 3_600_000L;
  private static final double MAD_TO_SD = 1.4826;
  private static final int RECENT_HOURS = 24;
  /** Epoch hour 0 is a Thursday: shift so 0 is Monday 00:00 UTC. */
  private static final int MONDAY_OFFSET_HOURS = 3 * 24;

  private final SeasonalAnomalyConfig config;
  private final Ring[] weekBuckets = new Ring[168];
  private final Ring[] dayBuckets = new Ring[24];
  private final Ring recentHours = new Ring(RECENT_HOURS);
  private final Ring residuals;
  private double level;
  private long currentHour = Long.MIN_VALUE;
  private double hourSum;
  private int hourCount;
  private long committedHours;
  private long lastMillis = Long.MIN_VALUE;
  private long observations;

  public SeasonalAnomalyDetector(SeasonalAnomalyConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    for (int i = 0; i < weekBuckets.length; i++) {
      weekBuckets[i] = new Ring(config.weeksKept());
    }
    for (int i = 0; i < dayBuckets.length; i++) {
      dayBuckets[i] = new Ring(config.daysKept());
    }
    residuals = new Ring(config.residualWindow());
  }

  public static SeasonalAnomalyDetector ofDefaults() {
    return new SeasonalAnomalyDetector(SeasonalAnomalyConfig.ofDefaults());
  }

  public SeasonalAnomalyConfig config() {
    return config;
  }

  /** The hour of the week of {@code epochMillis}: 0 = Monday 00:00–01:00 UTC … 167 = Sunday 23:00–24:00 UTC. */
  public static int hourOfWeek(long epochMillis) {
    return (int) Math.floorMod(Math.floorDiv(epochMillis, HOUR_MS) + MONDAY_OFFSET_HOURS, 168L);
  }

  /**
   * Scores {@code value} at {@code epochMillis} against what was learned so far, then learns from it.
   *
   * @throws IllegalArgumentException when {@code value} is not finite, or {@code epochMillis} is before the
   *     previous observation (a clock that went backwards; nothing is learned)
   */
  public AnomalyScore observe(long epochMillis, double value) {
    AnomalyScore s = score(epochMillis, value);
    learn(epochMillis, value, s);
    return s;
  }

  /**
   * Scores {@code value} at {@code epochMillis} without learning from it.
   *
   * @throws IllegalArgumentException as {@link #observe}
   */
  public AnomalyScore score(long epochMillis, double value) {
    check(epochMillis, value);
    long hour = Math.floorDiv(epochMillis, HOUR_MS);
    int how = hourOfWeek(epochMillis);
    // The hour in progress is not in the buckets yet; once it is over it will be.
    long finished = committedHours + (hourCount > 0 && hour != currentHour ? 1 : 0);
    Baseline baseline = Baseline.NONE;
    double seasonal = Double.NaN;
    int min = config.minBucketSamples();
    Ring week = weekBuckets[how];
    Ring day = dayBuckets[Math.floorMod(how, 24)];
    if (week.size() >= min) {
      baseline = Baseline.HOUR_OF_WEEK;
      seasonal = week.median();
    } else if (day.size() >= min) {
      baseline = Baseline.HOUR_OF_DAY;
      seasonal = day.median();
    } else if (recentHours.size() >= min) {
      baseline = Baseline.RECENT_HOURS;
      seasonal = recentHours.median();
    }
    if (baseline == Baseline.NONE || residuals.size() < min) {
      return new AnomalyScore(AnomalyStatus.WARMING_UP, value, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          seasonal, level, Double.NaN, how, baseline);
    }
    double expected = seasonal + level;
    double scale = scale(expected);
    double z = (value - expected) / scale;
    double half = config.threshold() * scale;
    AnomalyStatus status = finished < config.warmUpHours()
        ? AnomalyStatus.WARMING_UP
        : Math.abs(z) > config.threshold() ? AnomalyStatus.ANOMALY : AnomalyStatus.NORMAL;
    return new AnomalyScore(status, value, expected, expected - half, expected + half, z, seasonal, level, scale,
        how, baseline);
  }

  private double scale(double expected) {
    double mad = MAD_TO_SD * residuals.mad();
    return Math.max(mad, Math.max(config.minScale(), config.relativeMinScale() * Math.abs(expected)));
  }

  private void learn(long epochMillis, double value, AnomalyScore s) {
    long hour = Math.floorDiv(epochMillis, HOUR_MS);
    if (hour != currentHour) {
      commitHour();
      currentHour = hour;
    }
    // Winsorised at the expected range, so a spike enters the seasonal buckets as at most threshold·scale.
    hourSum += Double.isNaN(s.lo()) ? value : Math.max(s.lo(), Math.min(s.hi(), value));
    hourCount++;
    if (!Double.isNaN(s.seasonal())) {
      double raw = value - s.seasonal() - level;
      double sc = Double.isNaN(s.scale()) ? Double.NaN : s.scale();
      double forLevel = Double.isNaN(sc) ? raw : clamp(raw, config.levelClip() * sc);
      double forScale = Double.isNaN(sc) ? raw : clamp(raw, config.threshold() * sc);
      residuals.add(forScale);
      if (s.baseline() == Baseline.HOUR_OF_WEEK) {
        // The level is an offset from the hour-of-week profile only: learnt against a coarser fallback it would
        // carry, say, a weekend's offset into the Monday after.
        level += config.levelSmoothing() * forLevel;
      }
    }
    lastMillis = epochMillis;
    observations++;
  }

  private void commitHour() {
    if (hourCount == 0) {
      return;
    }
    double mean = hourSum / hourCount;
    int how = hourOfWeek(currentHour * HOUR_MS);
    weekBuckets[how].add(mean);
    dayBuckets[Math.floorMod(how, 24)].add(mean);
    recentHours.add(mean);
    committedHours++;
    hourSum = 0;
    hourCount = 0;
  }

  private static double clamp(double x, double bound) {
    return Math.max(-bound, Math.min(bound, x));
  }

  private void check(long epochMillis, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite but was " + value);
    }
    if (epochMillis < lastMillis) {
      throw new IllegalArgumentException("epochMillis must not be before the previous observation (" + lastMillis
          + ") but was " + epochMillis + ": the clock went backwards");
    }
  }

  /** Observations learned from. */
  public long observations() {
    return observations;
  }

  /** Distinct finished hours of history. */
  public long hoursOfHistory() {
    return committedHours;
  }

  /** The time of the last observation (epoch ms), {@link Long#MIN_VALUE} before the first. */
  public long lastObservationMillis() {
    return lastMillis;
  }

  /** The current EWMA level. */
  public double level() {
    return level;
  }

  /** A fixed-capacity ring of doubles with median and MAD by copying (capacities are small). */
  private static final class Ring {
    private final double[] values;
    private final double[] scratch;
    private int next;
    private int size;

    Ring(int capacity) {
      values = new double[capacity];
      scratch = new double[capacity];
    }

    void add(double v) {
      values[next] = v;
      next = (next + 1) % values.length;
      size = Math.min(size + 1, values.length);
    }

    int size() {
      return size;
    }

    double median() {
      System.arraycopy(values, 0, scratch, 0, size);
      Arrays.sort(scratch, 0, size);
      return middle(scratch, size);
    }

    double mad() {
      double m = median();
      for (int i = 0; i < size; i++) {
        scratch[i] = Math.abs(values[i] - m);
      }
      Arrays.sort(scratch, 0, size);
      return middle(scratch, size);
    }

    private static double middle(double[] sorted, int n) {
      return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
  }
}
