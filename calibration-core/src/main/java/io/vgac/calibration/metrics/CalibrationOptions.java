package io.vgac.calibration.metrics;

import io.vgac.calibration.binning.BinInterval;
import io.vgac.calibration.binning.Binning;
import java.util.Arrays;

/**
 * Immutable settings of a calibration report. Build with {@link #builder()}; {@link #ofDefaults()} gives 15 uniform
 * bins, Wilson 95% bin intervals, tail thresholds 0.5…0.9 with at least 5 rows, and log loss clipped at 1e-15.
 */
public final class CalibrationOptions {
  public static final int DEFAULT_BINS = Binning.DEFAULT_BINS;
  public static final double DEFAULT_INTERVAL_LEVEL = 0.95;
  public static final int DEFAULT_TAIL_MIN_ROWS = 5;
  public static final double DEFAULT_LOG_LOSS_EPSILON = 1e-15;
  private static final double[] DEFAULT_TAILS = {0.5, 0.6, 0.7, 0.8, 0.9};
  private static final CalibrationOptions DEFAULTS = builder().build();

  private final Binning binning;
  private final BinInterval binInterval;
  private final double intervalLevel;
  private final double[] tailThresholds;
  private final int tailMinRows;
  private final double logLossEpsilon;

  private CalibrationOptions(Builder b) {
    binning = b.binning;
    binInterval = b.binInterval;
    intervalLevel = b.intervalLevel;
    tailThresholds = b.tailThresholds.clone();
    tailMinRows = b.tailMinRows;
    logLossEpsilon = b.logLossEpsilon;
  }

  public static CalibrationOptions ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .binning(binning)
        .binInterval(binInterval)
        .intervalLevel(intervalLevel)
        .tailThresholds(tailThresholds)
        .tailMinRows(tailMinRows)
        .logLossEpsilon(logLossEpsilon);
  }

  public Binning binning() {
    return binning;
  }

  public BinInterval binInterval() {
    return binInterval;
  }

  public double intervalLevel() {
    return intervalLevel;
  }

  public double[] tailThresholds() {
    return tailThresholds.clone();
  }

  double tailThreshold(int i) {
    return tailThresholds[i];
  }

  int tailCount() {
    return tailThresholds.length;
  }

  public int tailMinRows() {
    return tailMinRows;
  }

  public double logLossEpsilon() {
    return logLossEpsilon;
  }

  /** Equal-mass bins for ACE: as many as the report's bins (15 for data-defined schemes). */
  int aceBins() {
    return binning.bins() > 0 ? binning.bins() : DEFAULT_BINS;
  }

  @Override
  public String toString() {
    return "CalibrationOptions[binning=" + binning + ", binInterval=" + binInterval + ", level=" + intervalLevel
        + ", tails=" + Arrays.toString(tailThresholds) + ", tailMinRows=" + tailMinRows + "]";
  }

  /** Fail-fast builder: every setter validates its argument and names it. */
  public static final class Builder {
    private Binning binning = Binning.uniform(DEFAULT_BINS);
    private BinInterval binInterval = BinInterval.WILSON;
    private double intervalLevel = DEFAULT_INTERVAL_LEVEL;
    private double[] tailThresholds = DEFAULT_TAILS.clone();
    private int tailMinRows = DEFAULT_TAIL_MIN_ROWS;
    private double logLossEpsilon = DEFAULT_LOG_LOSS_EPSILON;

    private Builder() {}

    public Builder binning(Binning binning) {
      this.binning = binning;
      return this;
    }

    public Builder binInterval(BinInterval binInterval) {
      this.binInterval = binInterval;
      return this;
    }

    public Builder intervalLevel(double level) {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("intervalLevel must be in (0,1) but was " + level);
      }
      this.intervalLevel = level;
      return this;
    }

    public Builder tailThresholds(double... taus) {
      for (int i = 0; i < taus.length; i++) {
        if (!(taus[i] >= 0 && taus[i] <= 1)) {
          throw new IllegalArgumentException("tailThresholds[" + i + "] must be in [0,1] but was " + taus[i]);
        }
      }
      this.tailThresholds = taus.clone();
      return this;
    }

    public Builder tailMinRows(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("tailMinRows must be ≥ 1 but was " + rows);
      }
      this.tailMinRows = rows;
      return this;
    }

    public Builder logLossEpsilon(double eps) {
      if (!(eps > 0 && eps < 0.5)) {
        throw new IllegalArgumentException("logLossEpsilon must be in (0, 0.5) but was " + eps);
      }
      this.logLossEpsilon = eps;
      return this;
    }

    public CalibrationOptions build() {
      return new CalibrationOptions(this);
    }
  }
}
