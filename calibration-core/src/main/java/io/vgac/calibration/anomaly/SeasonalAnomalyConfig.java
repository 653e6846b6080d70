package io.vgac.calibration.anomaly;

/**
 * Settings of {@link SeasonalAnomalyDetector}.
 *
 * @param weeksKept hourly means kept per hour-of-week bucket (one per week), ≥ 1
 * @param daysKept hourly means kept per hour-of-day bucket (one per day), ≥ 1
 * @param minBucketSamples samples a bucket needs before its median is used, in [1, min(weeksKept, daysKept)]
 * @param residualWindow recent residuals the MAD scale is taken over, ≥ 8
 * @param threshold robust z beyond which an observation is anomalous, &gt; 0
 * @param levelSmoothing λ of the EWMA level, in (0,1]
 * @param levelClip the level learns from residuals clipped at ±levelClip·scale (so a spike barely moves it, while a
 *     lasting shift is absorbed at a bounded rate), &gt; 0
 * @param warmUpHours distinct hours of history before any alarm, ≥ 0 (default two weeks: every hour-of-week bucket
 *     then has {@code minBucketSamples} values, so a first weekend is not mistaken for an anomaly)
 * @param minScale absolute floor of the scale (e.g. 1 job for a queue depth, so a flat series does not alarm on ±1),
 *     ≥ 0
 * @param relativeMinScale floor of the scale relative to |expected| (so a large stable level tolerates proportional
 *     noise), ≥ 0
 */
public record SeasonalAnomalyConfig(
    int weeksKept,
    int daysKept,
    int minBucketSamples,
    int residualWindow,
    double threshold,
    double levelSmoothing,
    double levelClip,
    int warmUpHours,
    double minScale,
    double relativeMinScale) {
  public static final int DEFAULT_WEEKS_KEPT = 8;
  public static final int DEFAULT_DAYS_KEPT = 14;
  public static final int DEFAULT_MIN_BUCKET_SAMPLES = 2;
  public static final int DEFAULT_RESIDUAL_WINDOW = 336;
  public static final double DEFAULT_THRESHOLD = 5.0;
  public static final double DEFAULT_LEVEL_SMOOTHING = 0.1;
  public static final double DEFAULT_LEVEL_CLIP = 3.0;
  public static final int DEFAULT_WARM_UP_HOURS = 336;
  public static final double DEFAULT_MIN_SCALE = 0.0;
  public static final double DEFAULT_RELATIVE_MIN_SCALE = 0.05;

  private static final SeasonalAnomalyConfig DEFAULTS = builder().build();

  public SeasonalAnomalyConfig {
    atLeast("weeksKept", weeksKept, 1);
    atLeast("daysKept", daysKept, 1);
    int maxMin = Math.min(weeksKept, daysKept);
    if (minBucketSamples < 1 || minBucketSamples > maxMin) {
      throw new IllegalArgumentException("minBucketSamples must be in [1," + maxMin + "] but was "
          + minBucketSamples);
    }
    atLeast("residualWindow", residualWindow, 8);
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be in (0,∞) but was " + threshold);
    }
    if (!(levelSmoothing > 0 && levelSmoothing <= 1)) {
      throw new IllegalArgumentException("levelSmoothing must be in (0,1] but was " + levelSmoothing);
    }
    if (!(levelClip > 0) || Double.isInfinite(levelClip)) {
      throw new IllegalArgumentException("levelClip must be in (0,∞) but was " + levelClip);
    }
    atLeast("warmUpHours", warmUpHours, 0);
    if (!(minScale >= 0) || Double.isInfinite(minScale)) {
      throw new IllegalArgumentException("minScale must be in [0,∞) but was " + minScale);
    }
    if (!(relativeMinScale >= 0) || Double.isInfinite(relativeMinScale)) {
      throw new IllegalArgumentException("relativeMinScale must be in [0,∞) but was " + relativeMinScale);
    }
  }

  private static void atLeast(String name, int v, int min) {
    if (v < min) {
      throw new IllegalArgumentException(name + " must be ≥ " + min + " but was " + v);
    }
  }

  public static SeasonalAnomalyConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.weeksKept = weeksKept;
    b.daysKept = daysKept;
    b.minBucketSamples = minBucketSamples;
    b.residualWindow = residualWindow;
    b.threshold = threshold;
    b.levelSmoothing = levelSmoothing;
    b.levelClip = levelClip;
    b.warmUpHours = warmUpHours;
    b.minScale = minScale;
    b.relativeMinScale = relativeMinScale;
    return b;
  }

  /** Builder; {@link #build()} checks every field, naming it, its value and its range. */
  public static final class Builder {
    private int weeksKept = DEFAULT_WEEKS_KEPT;
    private int daysKept = DEFAULT_DAYS_KEPT;
    private int minBucketSamples = DEFAULT_MIN_BUCKET_SAMPLES;
    private int residualWindow = DEFAULT_RESIDUAL_WINDOW;
    private double threshold = DEFAULT_THRESHOLD;
    private double levelSmoothing = DEFAULT_LEVEL_SMOOTHING;
    private double levelClip = DEFAULT_LEVEL_CLIP;
    private int warmUpHours = DEFAULT_WARM_UP_HOURS;
    private double minScale = DEFAULT_MIN_SCALE;
    private double relativeMinScale = DEFAULT_RELATIVE_MIN_SCALE;

    private Builder() {}

    public Builder weeksKept(int v) {
      weeksKept = v;
      return this;
    }

    public Builder daysKept(int v) {
      daysKept = v;
      return this;
    }

    public Builder minBucketSamples(int v) {
      minBucketSamples = v;
      return this;
    }

    public Builder residualWindow(int v) {
      residualWindow = v;
      return this;
    }

    public Builder threshold(double v) {
      threshold = v;
      return this;
    }

    public Builder levelSmoothing(double v) {
      levelSmoothing = v;
      return this;
    }

    public Builder levelClip(double v) {
      levelClip = v;
      return this;
    }

    public Builder warmUpHours(int v) {
      warmUpHours = v;
      return this;
    }

    public Builder minScale(double v) {
      minScale = v;
      return this;
    }

    public Builder relativeMinScale(double v) {
      relativeMinScale = v;
      return this;
    }

    public SeasonalAnomalyConfig build() {
      return new SeasonalAnomalyConfig(weeksKept, daysKept, minBucketSamples, residualWindow, threshold,
          levelSmoothing, levelClip, warmUpHours, minScale, relativeMinScale);
    }
  }
}
