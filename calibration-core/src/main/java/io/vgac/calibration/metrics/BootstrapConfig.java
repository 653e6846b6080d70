package io.vgac.calibration.metrics;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Immutable bootstrap settings. Defaults: 1,000 resamples, seed 0, 95% percentile intervals, plain (not stratified)
 * resampling, every metric, all available processors, no progress reports.
 */
public final class BootstrapConfig {
  public static final int DEFAULT_RESAMPLES = 1000;
  public static final double DEFAULT_LEVEL = 0.95;
  public static final long DEFAULT_SEED = 0L;

  private final int resamples;
  private final long seed;
  private final double level;
  private final boolean stratified;
  private final Set<Metric> metrics;
  private final boolean tailGaps;
  private final int parallelism;
  private final IntConsumer progress;

  private BootstrapConfig(Builder b) {
    resamples = b.resamples;
    seed = b.seed;
    level = b.level;
    stratified = b.stratified;
    metrics = Set.copyOf(b.metrics);
    tailGaps = b.tailGaps;
    parallelism = b.parallelism;
    progress = b.progress;
  }

  public static BootstrapConfig ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int resamples() {
    return resamples;
  }

  public long seed() {
    return seed;
  }

  public double level() {
    return level;
  }

  /** Whether each resample keeps the count of positives (and so of negatives) of the data. */
  public boolean stratified() {
    return stratified;
  }

  public Set<Metric> metrics() {
    return metrics;
  }

  public boolean tailGaps() {
    return tailGaps;
  }

  public int parallelism() {
    return parallelism;
  }

  /** Called with the number of finished resamples, possibly from several threads. */
  public IntConsumer progress() {
    return progress;
  }

  /** Fail-fast builder. */
  public static final class Builder {
    private int resamples = DEFAULT_RESAMPLES;
    private long seed = DEFAULT_SEED;
    private double level = DEFAULT_LEVEL;
    private boolean stratified;
    private Set<Metric> metrics = EnumSet.allOf(Metric.class);
    private boolean tailGaps = true;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private IntConsumer progress = done -> {};

    private Builder() {}

    public Builder resamples(int resamples) {
      if (resamples < 1 || resamples > 1_000_000) {
        throw new IllegalArgumentException("resamples must be in [1, 1000000] but was " + resamples);
      }
      this.resamples = resamples;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder level(double level) {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level must be in (0,1) but was " + level);
      }
      this.level = level;
      return this;
    }

    public Builder stratified(boolean stratified) {
      this.stratified = stratified;
      return this;
    }

    /** The metrics to resample; fewer metrics cost less (the logistic slope and intercept are the dearest). */
    public Builder metrics(Set<Metric> metrics) {
      if (metrics.isEmpty()) {
        throw new IllegalArgumentException("metrics must name at least one metric but was empty");
      }
      this.metrics = EnumSet.copyOf(metrics);
      return this;
    }

    public Builder metrics(Metric first, Metric... rest) {
      return metrics(EnumSet.of(first, rest));
    }

    public Builder tailGaps(boolean tailGaps) {
      this.tailGaps = tailGaps;
      return this;
    }

    public Builder parallelism(int threads) {
      if (threads < 1 || threads > 1024) {
        throw new IllegalArgumentException("parallelism must be in [1, 1024] but was " + threads);
      }
      this.parallelism = threads;
      return this;
    }

    public Builder progress(IntConsumer progress) {
      this.progress = progress;
      return this;
    }

    public BootstrapConfig build() {
      return new BootstrapConfig(this);
    }
  }
}
