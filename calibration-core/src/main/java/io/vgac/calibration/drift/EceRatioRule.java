package io.vgac.calibration.drift;

import java.util.Locale;

/**
 * The design's drift rule: compares the current ECE with a baseline ECE and bands the ratio.
 *
 * <p>{@code ratio = currentEce / baselineEce}, where a baseline ≤ 0 is replaced by {@link #defaultBaseline()}
 * (0.018). Bands are upper-edge inclusive: ratio ≤ 1.5 → {@link DriftSeverity#NONE}; ≤ 2.0 →
 * {@link DriftSeverity#MODERATE}; ≤ 5.0 → {@link DriftSeverity#SIGNIFICANT}; above → {@link
 * DriftSeverity#CRITICAL}. Above the SIGNIFICANT edge (2.0) the assessment both reduces autonomy and requires a
 * recalibration; in the CRITICAL band the environment is escalate-only until recalibrated.
 *
 * <p><b>Edges are decided without dividing</b>: the current ECE is in a band when
 * {@code currentEce ≤ edge · baseline · (1 + relativeTolerance)} (default tolerance 1e-9). This keeps the design's
 * vector "0.036 against 0.018 is exactly 2.0 → MODERATE" true whatever rounding the decimal inputs carry, and
 * keeps severity monotone in the current ECE. The reported {@code ratio} is the plain quotient.
 *
 * <p><b>Known weakness</b> (measured by the design): ECE on a small window is biased upward, so a perfectly
 * calibrated model shows a median ratio of about 2.24 on a 200-sample window against a 1,000-sample baseline.
 * The rule is kept because it is the design's; prefer {@link CalibrationEDetector} for a test with a false-alarm
 * guarantee. Immutable and thread-safe.
 */
public final class EceRatioRule {
  public static final double DEFAULT_BASELINE = 0.018;
  public static final double DEFAULT_MODERATE_ABOVE = 1.5;
  public static final double DEFAULT_SIGNIFICANT_ABOVE = 2.0;
  public static final double DEFAULT_CRITICAL_ABOVE = 5.0;
  public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-9;

  private static final EceRatioRule DEFAULTS = builder().build();

  private final double defaultBaseline;
  private final double moderateAbove;
  private final double significantAbove;
  private final double criticalAbove;
  private final double relativeTolerance;

  private EceRatioRule(Builder b) {
    this.defaultBaseline = b.defaultBaseline;
    this.moderateAbove = b.moderateAbove;
    this.significantAbove = b.significantAbove;
    this.criticalAbove = b.criticalAbove;
    this.relativeTolerance = b.relativeTolerance;
  }

  /** The design's rule: default baseline 0.018, edges 1.5 / 2.0 / 5.0. */
  public static EceRatioRule ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Assesses {@code currentEce} against {@code baselineEce}.
   *
   * @param currentEce the ECE now, in [0,1]
   * @param baselineEce the last known good ECE, at most 1; a value ≤ 0 means "unknown" and is replaced by the
   *     default baseline
   * @throws IllegalArgumentException when an ECE is NaN or out of range, naming it and its value
   */
  public DriftAssessment assess(double currentEce, double baselineEce) {
    if (!(currentEce >= 0 && currentEce <= 1)) {
      throw new IllegalArgumentException("currentEce must be in [0,1] but was " + currentEce);
    }
    if (Double.isNaN(baselineEce) || baselineEce > 1) {
      throw new IllegalArgumentException("baselineEce must be at most 1 but was " + baselineEce);
    }
    double baseline = baselineEce > 0 ? baselineEce : defaultBaseline;
    double ratio = currentEce / baseline;
    DriftSeverity severity = band(currentEce, baseline);
    boolean aboveRecalibrationEdge =
        severity == DriftSeverity.SIGNIFICANT || severity == DriftSeverity.CRITICAL;
    return new DriftAssessment(
        severity,
        ratio,
        currentEce,
        baseline,
        message(severity, ratio),
        aboveRecalibrationEdge,
        aboveRecalibrationEdge);
  }

  /**
   * The band alone, as {@code assess(currentEce, baselineEce).severity()} but without building the assessment and
   * its message: cheap enough for every decision.
   *
   * @throws IllegalArgumentException when an ECE is NaN or out of range, naming it and its value
   */
  public DriftSeverity severity(double currentEce, double baselineEce) {
    if (!(currentEce >= 0 && currentEce <= 1)) {
      throw new IllegalArgumentException("currentEce must be in [0,1] but was " + currentEce);
    }
    if (Double.isNaN(baselineEce) || baselineEce > 1) {
      throw new IllegalArgumentException("baselineEce must be at most 1 but was " + baselineEce);
    }
    return band(currentEce, baselineEce > 0 ? baselineEce : defaultBaseline);
  }

  private DriftSeverity band(double currentEce, double baseline) {
    if (within(currentEce, moderateAbove, baseline)) {
      return DriftSeverity.NONE;
    } else if (within(currentEce, significantAbove, baseline)) {
      return DriftSeverity.MODERATE;
    } else if (within(currentEce, criticalAbove, baseline)) {
      return DriftSeverity.SIGNIFICANT;
    }
    return DriftSeverity.CRITICAL;
  }

  /** Assesses {@code currentEce} against the default baseline. */
  public DriftAssessment assess(double currentEce) {
    return assess(currentEce, defaultBaseline);
  }

  private boolean within(double current, double edge, double baseline) {
    return current <= edge * baseline * (1 + relativeTolerance);
  }

  private static String message(DriftSeverity severity, double ratio) {
    if (severity == DriftSeverity.NONE) {
      return "Calibration stable";
    }
    String increase = String.format(Locale.ROOT, "ECE increased %.1f× from baseline", ratio);
    switch (severity) {
      case SIGNIFICANT:
        return increase + " — reducing autonomous actions";
      case CRITICAL:
        return increase + " — recalibration required";
      default:
        return increase;
    }
  }

  public double defaultBaseline() {
    return defaultBaseline;
  }

  public double moderateAbove() {
    return moderateAbove;
  }

  public double significantAbove() {
    return significantAbove;
  }

  public double criticalAbove() {
    return criticalAbove;
  }

  public double relativeTolerance() {
    return relativeTolerance;
  }

  @Override
  public String toString() {
    return "EceRatioRule[defaultBaseline=" + defaultBaseline + ", edges=" + moderateAbove + "/"
        + significantAbove + "/" + criticalAbove + ", relativeTolerance=" + relativeTolerance + "]";
  }

  /** Builder starting from the design's values; {@link #build()} validates. */
  public static final class Builder {
    private double defaultBaseline = DEFAULT_BASELINE;
    private double moderateAbove = DEFAULT_MODERATE_ABOVE;
    private double significantAbove = DEFAULT_SIGNIFICANT_ABOVE;
    private double criticalAbove = DEFAULT_CRITICAL_ABOVE;
    private double relativeTolerance = DEFAULT_RELATIVE_TOLERANCE;

    private Builder() {}

    /** Baseline used when the given one is ≤ 0; in (0,1]. */
    public Builder defaultBaseline(double defaultBaseline) {
      this.defaultBaseline = defaultBaseline;
      return this;
    }

    /** Ratios above this are at least MODERATE; finite, &gt; 0. */
    public Builder moderateAbove(double moderateAbove) {
      this.moderateAbove = moderateAbove;
      return this;
    }

    /** Ratios above this are at least SIGNIFICANT and require recalibration; ≥ moderateAbove. */
    public Builder significantAbove(double significantAbove) {
      this.significantAbove = significantAbove;
      return this;
    }

    /** Ratios above this are CRITICAL; ≥ significantAbove, finite. */
    public Builder criticalAbove(double criticalAbove) {
      this.criticalAbove = criticalAbove;
      return this;
    }

    /** Relative slack on each band edge against rounding of decimal inputs; in [0, 1e-3]. */
    public Builder relativeTolerance(double relativeTolerance) {
      this.relativeTolerance = relativeTolerance;
      return this;
    }

    public EceRatioRule build() {
      if (!(defaultBaseline > 0 && defaultBaseline <= 1)) {
        throw new IllegalArgumentException("defaultBaseline must be in (0,1] but was " + defaultBaseline);
      }
      if (!(moderateAbove > 0 && Double.isFinite(moderateAbove))) {
        throw new IllegalArgumentException("moderateAbove must be in (0,+inf) but was " + moderateAbove);
      }
      if (!(significantAbove >= moderateAbove && Double.isFinite(significantAbove))) {
        throw new IllegalArgumentException("significantAbove must be in [" + moderateAbove
            + ",+inf) but was " + significantAbove);
      }
      if (!(criticalAbove >= significantAbove && Double.isFinite(criticalAbove))) {
        throw new IllegalArgumentException("criticalAbove must be in [" + significantAbove
            + ",+inf) but was " + criticalAbove);
      }
      if (!(relativeTolerance >= 0 && relativeTolerance <= 1e-3)) {
        throw new IllegalArgumentException(
            "relativeTolerance must be in [0,0.001] but was " + relativeTolerance);
      }
      return new EceRatioRule(this);
    }
  }
}
