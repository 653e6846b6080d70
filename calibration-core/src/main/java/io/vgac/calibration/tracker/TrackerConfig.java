package io.vgac.calibration.tracker;

import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.drift.AdwinConfig;
import io.vgac.calibration.drift.CalibrationEDetectorConfig;
import io.vgac.calibration.drift.EceRatioRule;
import io.vgac.calibration.drift.PageHinkleyConfig;
import io.vgac.calibration.drift.PsiConfig;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.TierPolicy;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Immutable settings of an {@link EnvironmentTracker}. {@link #ofDefaults()}: a window of the last 1,000 outcomes
 * with no age limit, 15 uniform bins, baseline ECE 0.018, e-detector α = 0.001, the design's ratio rule, autonomy
 * and tier policies, 200 fresh labels before autonomy can return, point-estimate tier qualification, bootstrap
 * bounds with 200 resamples at one-sided 95% from seed 0.
 */
public final class TrackerConfig {
  public static final int DEFAULT_WINDOW_SIZE = 1000;
  /** Fixed-point window sums allow up to 2²² rows (see {@link EnvironmentTracker}). */
  public static final int MAX_WINDOW_SIZE = 1 << 22;
  public static final int DEFAULT_BINS = Binning.DEFAULT_BINS;
  public static final int MAX_BINS = 1000;
  public static final double DEFAULT_BASELINE_ECE = EceRatioRule.DEFAULT_BASELINE;
  public static final double DEFAULT_ALPHA = CalibrationEDetectorConfig.DEFAULT_ALPHA;
  public static final int DEFAULT_MIN_FRESH_LABELS = 200;
  /**
   * ADWIN in the tracker runs its cut test every 128 items, not MOA's 32: ADWIN is a secondary signal here, the scan
   * dominates its cost (35 → 19 ns per update measured), and a change is flagged at most 96 items later.
   */
  public static final AdwinConfig DEFAULT_ADWIN = AdwinConfig.builder().clock(128).build();
  public static final int DEFAULT_RATIO_MIN_SAMPLES = 200;
  public static final int DEFAULT_RECOVERY_CHECK_EVERY = 100;
  public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 200;
  public static final int DEFAULT_NOISE_RESAMPLES = 200;
  public static final double DEFAULT_UPPER_BOUND_LEVEL = EceBounds.DEFAULT_LEVEL;
  public static final int DEFAULT_MAX_TRANSITIONS = 16;
  public static final long DEFAULT_SEED = 0L;

  private static final TrackerConfig DEFAULTS = builder().build();

  private final int windowSize;
  private final @Nullable Duration maxAge;
  private final int bins;
  private final double baselineEce;
  private final boolean baselineFromFirstWindow;
  private final CalibrationEDetectorConfig eDetector;
  private final AdwinConfig adwin;
  private final PageHinkleyConfig pageHinkley;
  private final PsiConfig psi;
  private final EceRatioRule ratioRule;
  private final boolean ratioAlarms;
  private final int ratioMinSamples;
  private final AutonomyPolicy autonomyPolicy;
  private final TierPolicy tierPolicy;
  private final QualificationMode qualificationMode;
  private final UpperBoundMethod upperBoundMethod;
  private final double upperBoundLevel;
  private final int minFreshLabels;
  private final int recoveryCheckEvery;
  private final int bootstrapResamples;
  private final int noiseResamples;
  private final int maxTransitions;
  private final long seed;

  private TrackerConfig(Builder b) {
    windowSize = b.windowSize;
    maxAge = b.maxAge;
    bins = b.bins;
    baselineEce = b.baselineEce;
    baselineFromFirstWindow = b.baselineFromFirstWindow;
    eDetector = b.eDetector;
    adwin = b.adwin;
    pageHinkley = b.pageHinkley;
    psi = b.psi;
    ratioRule = b.ratioRule;
    ratioAlarms = b.ratioAlarms;
    ratioMinSamples = b.ratioMinSamples;
    autonomyPolicy = b.autonomyPolicy;
    tierPolicy = b.tierPolicy;
    qualificationMode = b.qualificationMode;
    upperBoundMethod = b.upperBoundMethod;
    upperBoundLevel = b.upperBoundLevel;
    minFreshLabels = b.minFreshLabels;
    recoveryCheckEvery = b.recoveryCheckEvery;
    bootstrapResamples = b.bootstrapResamples;
    noiseResamples = b.noiseResamples;
    maxTransitions = b.maxTransitions;
    seed = b.seed;
  }

  public static TrackerConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.windowSize = windowSize;
    b.maxAge = maxAge;
    b.bins = bins;
    b.baselineEce = baselineEce;
    b.baselineFromFirstWindow = baselineFromFirstWindow;
    b.eDetector = eDetector;
    b.adwin = adwin;
    b.pageHinkley = pageHinkley;
    b.psi = psi;
    b.ratioRule = ratioRule;
    b.ratioAlarms = ratioAlarms;
    b.ratioMinSamples = ratioMinSamples;
    b.autonomyPolicy = autonomyPolicy;
    b.tierPolicy = tierPolicy;
    b.qualificationMode = qualificationMode;
    b.upperBoundMethod = upperBoundMethod;
    b.upperBoundLevel = upperBoundLevel;
    b.minFreshLabels = minFreshLabels;
    b.recoveryCheckEvery = recoveryCheckEvery;
    b.bootstrapResamples = bootstrapResamples;
    b.noiseResamples = noiseResamples;
    b.maxTransitions = maxTransitions;
    b.seed = seed;
    return b;
  }

  /** Capacity of the sliding window (the last N outcomes). */
  public int windowSize() {
    return windowSize;
  }

  /** Outcomes older than this are evicted from the window; empty = no age limit. */
  public Optional<Duration> maxAge() {
    return Optional.ofNullable(maxAge);
  }

  /** Number of uniform bins of every ECE the tracker computes. */
  public int bins() {
    return bins;
  }

  /** The baseline ECE of the ratio rule (until replaced by the first full window, if so configured). */
  public double baselineEce() {
    return baselineEce;
  }

  /** Whether the ECE of the first full window becomes the baseline (no ratio alarms before it exists). */
  public boolean baselineFromFirstWindow() {
    return baselineFromFirstWindow;
  }

  public CalibrationEDetectorConfig eDetector() {
    return eDetector;
  }

  /** α of the e-detector. */
  public double alpha() {
    return eDetector.alpha();
  }

  public AdwinConfig adwin() {
    return adwin;
  }

  public PageHinkleyConfig pageHinkley() {
    return pageHinkley;
  }

  public PsiConfig psi() {
    return psi;
  }

  public EceRatioRule ratioRule() {
    return ratioRule;
  }

  /**
   * Whether a window ratio above the recalibration edge (2.0) also counts as drift and so moves autonomy (the
   * design's rule). Off by default: the anytime-valid e-detector drives autonomy, because on a window of a few
   * hundred rows a perfectly calibrated model's ECE is itself several times the 0.018 baseline. The ratio is always
   * assessed and reported (with its noise floor), and its excursions are always emitted as alarms.
   */
  public boolean ratioAlarms() {
    return ratioAlarms;
  }

  /** The ratio rule is evaluated only once the window holds at least min(this, windowSize) rows. */
  public int ratioMinSamples() {
    return ratioMinSamples;
  }

  public AutonomyPolicy autonomyPolicy() {
    return autonomyPolicy;
  }

  public TierPolicy tierPolicy() {
    return tierPolicy;
  }

  public QualificationMode qualificationMode() {
    return qualificationMode;
  }

  public UpperBoundMethod upperBoundMethod() {
    return upperBoundMethod;
  }

  /** One-sided confidence of the ECE upper bound. */
  public double upperBoundLevel() {
    return upperBoundLevel;
  }

  /** Fresh labels needed after a recalibration before autonomy can return. */
  public int minFreshLabels() {
    return minFreshLabels;
  }

  /** While RECOVERING, the fresh upper bound is re-checked every this many labels. */
  public int recoveryCheckEvery() {
    return recoveryCheckEvery;
  }

  public int bootstrapResamples() {
    return bootstrapResamples;
  }

  public int noiseResamples() {
    return noiseResamples;
  }

  /** How many recent state transitions each tracker keeps. */
  public int maxTransitions() {
    return maxTransitions;
  }

  /** Seed of every resampling (bootstrap, noise floor); results depend only on the data and this seed. */
  public long seed() {
    return seed;
  }

  /** The window's capacity for the ratio rule: min(ratioMinSamples, windowSize). */
  int effectiveRatioMinSamples() {
    return Math.min(ratioMinSamples, windowSize);
  }

  @Override
  public String toString() {
    return "TrackerConfig[window=" + windowSize + ", maxAge=" + maxAge + ", bins=" + bins + ", baselineEce="
        + baselineEce + (baselineFromFirstWindow ? " (from first window)" : "") + ", alpha=" + alpha()
        + ", minFreshLabels=" + minFreshLabels + ", mode=" + qualificationMode + ", seed=" + seed + "]";
  }

  /** Fail-fast builder: every setter validates and names the field, the value and the valid range. */
  public static final class Builder {
    private int windowSize = DEFAULT_WINDOW_SIZE;
    private @Nullable Duration maxAge;
    private int bins = DEFAULT_BINS;
    private double baselineEce = DEFAULT_BASELINE_ECE;
    private boolean baselineFromFirstWindow;
    private CalibrationEDetectorConfig eDetector = CalibrationEDetectorConfig.ofDefaults();
    private AdwinConfig adwin = DEFAULT_ADWIN;
    private PageHinkleyConfig pageHinkley = PageHinkleyConfig.ofDefaults();
    private PsiConfig psi = PsiConfig.ofDefaults();
    private EceRatioRule ratioRule = EceRatioRule.ofDefaults();
    private boolean ratioAlarms = false;
    private int ratioMinSamples = DEFAULT_RATIO_MIN_SAMPLES;
    private AutonomyPolicy autonomyPolicy = AutonomyPolicy.ofDefaults();
    private TierPolicy tierPolicy = TierPolicy.standard();
    private QualificationMode qualificationMode = QualificationMode.POINT;
    private UpperBoundMethod upperBoundMethod = UpperBoundMethod.BOOTSTRAP;
    private double upperBoundLevel = DEFAULT_UPPER_BOUND_LEVEL;
    private int minFreshLabels = DEFAULT_MIN_FRESH_LABELS;
    private int recoveryCheckEvery = DEFAULT_RECOVERY_CHECK_EVERY;
    private int bootstrapResamples = DEFAULT_BOOTSTRAP_RESAMPLES;
    private int noiseResamples = DEFAULT_NOISE_RESAMPLES;
    private int maxTransitions = DEFAULT_MAX_TRANSITIONS;
    private long seed = DEFAULT_SEED;

    private Builder() {}

    public Builder windowSize(int size) {
      this.windowSize = checkRange("windowSize", size, 1, MAX_WINDOW_SIZE);
      return this;
    }

    /** Evict outcomes older than {@code age}; null for no age limit. */
    public Builder maxAge(@Nullable Duration age) {
      if (age != null && (age.isNegative() || age.isZero())) {
        throw new IllegalArgumentException("maxAge must be positive but was " + age);
      }
      this.maxAge = age;
      return this;
    }

    public Builder bins(int bins) {
      this.bins = checkRange("bins", bins, 1, MAX_BINS);
      return this;
    }

    public Builder baselineEce(double ece) {
      if (!(ece > 0 && ece <= 1)) {
        throw new IllegalArgumentException("baselineEce must be in (0,1] but was " + ece);
      }
      this.baselineEce = ece;
      return this;
    }

    public Builder baselineFromFirstWindow(boolean fromWindow) {
      this.baselineFromFirstWindow = fromWindow;
      return this;
    }

    /** α of the e-detector, in (0,1); keeps the bet grid. */
    public Builder alpha(double alpha) {
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha must be in (0,1) but was " + alpha);
      }
      this.eDetector = new CalibrationEDetectorConfig(alpha, eDetector.bets());
      return this;
    }

    public Builder eDetector(CalibrationEDetectorConfig config) {
      this.eDetector = config;
      return this;
    }

    public Builder adwin(AdwinConfig config) {
      this.adwin = config;
      return this;
    }

    public Builder pageHinkley(PageHinkleyConfig config) {
      this.pageHinkley = config;
      return this;
    }

    public Builder psi(PsiConfig config) {
      this.psi = config;
      return this;
    }

    public Builder ratioRule(EceRatioRule rule) {
      this.ratioRule = rule;
      return this;
    }

    public Builder ratioAlarms(boolean enabled) {
      this.ratioAlarms = enabled;
      return this;
    }

    public Builder ratioMinSamples(int samples) {
      this.ratioMinSamples = checkRange("ratioMinSamples", samples, 1, MAX_WINDOW_SIZE);
      return this;
    }

    public Builder autonomyPolicy(AutonomyPolicy policy) {
      this.autonomyPolicy = policy;
      return this;
    }

    public Builder tierPolicy(TierPolicy policy) {
      this.tierPolicy = policy;
      return this;
    }

    public Builder qualificationMode(QualificationMode mode) {
      this.qualificationMode = mode;
      return this;
    }

    public Builder upperBoundMethod(UpperBoundMethod method) {
      this.upperBoundMethod = method;
      return this;
    }

    public Builder upperBoundLevel(double level) {
      if (!(level > 0.5 && level < 1)) {
        throw new IllegalArgumentException("upperBoundLevel must be in (0.5,1) but was " + level);
      }
      this.upperBoundLevel = level;
      return this;
    }

    public Builder minFreshLabels(int labels) {
      this.minFreshLabels = checkRange("minFreshLabels", labels, 1, Integer.MAX_VALUE);
      return this;
    }

    public Builder recoveryCheckEvery(int labels) {
      this.recoveryCheckEvery = checkRange("recoveryCheckEvery", labels, 1, Integer.MAX_VALUE);
      return this;
    }

    public Builder bootstrapResamples(int resamples) {
      this.bootstrapResamples = checkRange("bootstrapResamples", resamples, 1, 1_000_000);
      return this;
    }

    public Builder noiseResamples(int resamples) {
      this.noiseResamples = checkRange("noiseResamples", resamples, 1, 1_000_000);
      return this;
    }

    public Builder maxTransitions(int transitions) {
      this.maxTransitions = checkRange("maxTransitions", transitions, 1, 10_000);
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    private static int checkRange(String field, int value, int lo, int hi) {
      if (value < lo || value > hi) {
        throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "] but was " + value);
      }
      return value;
    }

    public TrackerConfig build() {
      return new TrackerConfig(this);
    }
  }
}
