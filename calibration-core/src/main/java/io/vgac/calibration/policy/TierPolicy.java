package io.vgac.calibration.policy;

import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.TailGap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The four-tier graduated intervention policy of the design:
 *
 * <table>
 *   <caption>Standard tiers</caption>
 *   <tr><th>tier</th><th>action</th><th>p ≥</th><th>ECE ≤</th></tr>
 *   <tr><td>1</td><td>annotate</td><td>0.3</td><td>0.10</td></tr>
 *   <tr><td>2</td><td>warn</td><td>0.5</td><td>0.07</td></tr>
 *   <tr><td>3</td><td>suggest</td><td>0.7</td><td>0.05</td></tr>
 *   <tr><td>4</td><td>gate</td><td>0.9</td><td>0.03</td></tr>
 * </table>
 *
 * <p>The qualified tier of a model is the highest tier whose ECE limit holds, checking from tier 1 upward and stopping
 * at the first failure (0 = none). A prediction's emitted tier is the highest tier with p ≥ its threshold and tier ≤
 * the qualified tier.
 */
public final class TierPolicy {
  public static final String NONE = "none";
  private static final TierPolicy STANDARD =
      new TierPolicy(
          List.of(
              new Tier(1, "annotate", 0.3, 0.10),
              new Tier(2, "warn", 0.5, 0.07),
              new Tier(3, "suggest", 0.7, 0.05),
              new Tier(4, "gate", 0.9, 0.03)));

  private static final TierPolicy AUTHORS_STRICT =
      new TierPolicy(
          List.of(
              new Tier(1, "warn", 0.3, 0.10),
              new Tier(2, "advisory", 0.5, 0.07, 0.20, Double.POSITIVE_INFINITY),
              new Tier(3, "suggest", 0.7, 0.05, 0.10, 0.035),
              new Tier(4, "gate", 0.9, 0.03, 0.06, 0.020)));

  private final List<Tier> tiers;

  /** Tiers in order 1, 2, …; thresholds must not decrease and ECE limits must not increase with the level. */
  public TierPolicy(List<Tier> tiers) {
    this.tiers = List.copyOf(tiers);
    if (this.tiers.isEmpty()) {
      throw new IllegalArgumentException("tiers must hold at least one tier but was empty");
    }
    for (int i = 0; i < this.tiers.size(); i++) {
      Tier t = this.tiers.get(i);
      if (t.level() != i + 1) {
        throw new IllegalArgumentException("tiers[" + i + "].level must be " + (i + 1) + " but was " + t.level());
      }
      if (i > 0) {
        Tier prev = this.tiers.get(i - 1);
        if (t.minProbability() < prev.minProbability()) {
          throw new IllegalArgumentException(
              "tiers[" + i + "].minProbability must be ≥ " + prev.minProbability() + " but was " + t.minProbability());
        }
        if (t.maxEce() > prev.maxEce()) {
          throw new IllegalArgumentException(
              "tiers[" + i + "].maxEce must be ≤ " + prev.maxEce() + " but was " + t.maxEce());
        }
      }
    }
  }

  /** The design's four tiers. */
  public static TierPolicy standard() {
    return STANDARD;
  }

  /**
   * The original authors' stricter variant: warn ECE ≤ 0.10; advisory ECE ≤ 0.07 and MCE ≤ 0.20; suggest ECE ≤
   * 0.05, MCE ≤ 0.10 and tail gap ≤ 0.035; gate ECE ≤ 0.03, MCE ≤ 0.06 and tail gap ≤ 0.020 (tail gap at τ = the
   * tier's probability threshold, which must be measurable). Use {@link #qualifiedTier(CalibrationReport)}.
   */
  public static TierPolicy authorsStrict() {
    return AUTHORS_STRICT;
  }

  public List<Tier> tiers() {
    return tiers;
  }

  public int maxTier() {
    return tiers.size();
  }

  /**
   * Highest tier whose ECE limit holds, from tier 1 upward, stopping at the first failure; 0 for NaN. Tiers with MCE
   * or tail-gap limits never qualify here: use {@link #qualifiedTier(CalibrationReport)} for them.
   */
  public int qualifiedTier(double ece) {
    return qualifiedTier(ece, Double.NaN, tau -> Double.NaN);
  }

  /** Highest tier whose every limit holds on the report's ECE, MCE and tail gaps, from tier 1 upward. */
  public int qualifiedTier(CalibrationReport report) {
    return qualifiedTier(report.ece(), report.mce(), tau -> tailGapAt(report, tau));
  }

  /** Highest tier whose limits hold, from tier 1 upward, stopping at the first failure. */
  public int qualifiedTier(double ece, double mce, DoubleUnaryOperator tailGapAt) {
    int q = 0;
    for (Tier t : tiers) {
      double tail = t.maxTailGap() == Double.POSITIVE_INFINITY ? Double.NaN : tailGapAt.applyAsDouble(t.minProbability());
      if (!t.admits(ece, mce, tail)) {
        break;
      }
      q = t.level();
    }
    return q;
  }

  private static double tailGapAt(CalibrationReport report, double tau) {
    for (TailGap g : report.tail()) {
      if (g.tau() == tau) {
        return g.gap();
      }
    }
    return Double.NaN;
  }

  /** Highest tier with p ≥ its threshold and level ≤ {@code qualifiedTier}; 0 when none. */
  public int emittedTier(double p, int qualifiedTier) {
    int e = 0;
    for (Tier t : tiers) {
      if (t.level() > qualifiedTier) {
        break;
      }
      if (p >= t.minProbability()) {
        e = t.level();
      }
    }
    return e;
  }

  /** The action name of a tier level, or "none" for 0. */
  public String tierName(int level) {
    if (level == 0) {
      return NONE;
    }
    if (level < 0 || level > tiers.size()) {
      throw new IllegalArgumentException("tier level must be in [0, " + tiers.size() + "] but was " + level);
    }
    return tiers.get(level - 1).name();
  }

  /**
   * False-action rate at each tier's threshold: the share of triggered predictions (p ≥ threshold) whose outcome is
   * 0; NaN for a threshold no prediction reaches.
   */
  public List<Double> falseActionRates(double[] p, int[] y) {
    if (p.length != y.length) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + p.length + " probabilities but " + y.length + " labels");
    }
    List<Double> out = new ArrayList<>(tiers.size());
    for (Tier t : tiers) {
      long triggered = 0, wrong = 0;
      for (int i = 0; i < p.length; i++) {
        if (p[i] >= t.minProbability()) {
          triggered++;
          if (y[i] == 0) {
            wrong++;
          }
        }
      }
      out.add(triggered == 0 ? Double.NaN : (double) wrong / triggered);
    }
    return out;
  }

  @Override
  public String toString() {
    return "TierPolicy" + tiers;
  }
}
