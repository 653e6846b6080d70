package io.vgac.calibration.drift;

/**
 * Parameters of {@link Adwin}; the defaults are those of MOA's {@code ADWINChangeDetector}.
 *
 * @param delta confidence of the cut test, in (0,1); smaller means fewer false alarms and slower detection
 * @param clock the cut test runs every {@code clock} items (≥ 1)
 * @param maxBuckets buckets kept per size row, MOA's {@code MAXBUCKETS} (M, ≥ 2); memory is O(M·log W)
 * @param minSubWindowLength MOA's {@code mintMinWinLength}: both sub-windows must hold more than this + 1 items,
 *     and it shifts the harmonic term of the bound (≥ 0)
 * @param minWindowLength MOA's {@code mintMinimLongitudWindow}: no test while the window holds ≤ this many items
 *     (≥ 0)
 */
public record AdwinConfig(
    double delta, int clock, int maxBuckets, int minSubWindowLength, int minWindowLength) {

  public static final double DEFAULT_DELTA = 0.002;
  public static final int DEFAULT_CLOCK = 32;
  public static final int DEFAULT_MAX_BUCKETS = 5;
  public static final int DEFAULT_MIN_SUB_WINDOW_LENGTH = 5;
  public static final int DEFAULT_MIN_WINDOW_LENGTH = 10;

  public AdwinConfig {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0,1) but was " + delta);
    }
    if (clock < 1) {
      throw new IllegalArgumentException("clock must be >= 1 but was " + clock);
    }
    // M = 1 would leave empty rows in the middle of the bucket list, which the deletion step does not expect.
    if (maxBuckets < 2) {
      throw new IllegalArgumentException("maxBuckets must be >= 2 but was " + maxBuckets);
    }
    if (minSubWindowLength < 0) {
      throw new IllegalArgumentException(
          "minSubWindowLength must be >= 0 but was " + minSubWindowLength);
    }
    if (minWindowLength < 0) {
      throw new IllegalArgumentException("minWindowLength must be >= 0 but was " + minWindowLength);
    }
  }

  /** MOA's defaults: δ = 0.002, clock 32, M = 5, min sub-window 5, min window 10. */
  public static AdwinConfig ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder starting from the defaults; {@link #build()} validates. */
  public static final class Builder {
    private double delta = DEFAULT_DELTA;
    private int clock = DEFAULT_CLOCK;
    private int maxBuckets = DEFAULT_MAX_BUCKETS;
    private int minSubWindowLength = DEFAULT_MIN_SUB_WINDOW_LENGTH;
    private int minWindowLength = DEFAULT_MIN_WINDOW_LENGTH;

    private Builder() {}

    public Builder delta(double delta) {
      this.delta = delta;
      return this;
    }

    public Builder clock(int clock) {
      this.clock = clock;
      return this;
    }

    public Builder maxBuckets(int maxBuckets) {
      this.maxBuckets = maxBuckets;
      return this;
    }

    public Builder minSubWindowLength(int minSubWindowLength) {
      this.minSubWindowLength = minSubWindowLength;
      return this;
    }

    public Builder minWindowLength(int minWindowLength) {
      this.minWindowLength = minWindowLength;
      return this;
    }

    public AdwinConfig build() {
      return new AdwinConfig(delta, clock, maxBuckets, minSubWindowLength, minWindowLength);
    }
  }
}
