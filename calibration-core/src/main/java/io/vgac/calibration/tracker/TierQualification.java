package io.vgac.calibration.tracker;

import io.vgac.calibration.policy.TierPolicy;

/**
 * The qualified tier of a model computed both ways: from the ECE point estimate (the design's rule) and from the
 * ECE's upper confidence bound (honest qualification). Since the bound is at least the estimate, {@code upper ≤
 * point} always.
 *
 * @param point qualified tier for the ECE point estimate (0 = none)
 * @param upper qualified tier for the upper bound (0 = none; also 0 when the bound is undefined)
 * @param ece the point estimate
 * @param eceUpper the upper bound
 * @param mode which one {@link #tier()} returns
 */
public record TierQualification(int point, int upper, double ece, double eceUpper, QualificationMode mode) {

  /** Qualifies with {@code policy} from a point estimate and its upper bound. */
  public static TierQualification of(TierPolicy policy, double ece, double eceUpper, QualificationMode mode) {
    return new TierQualification(policy.qualifiedTier(ece), policy.qualifiedTier(eceUpper), ece, eceUpper, mode);
  }

  /** Qualifies with {@code policy} from a bound. */
  public static TierQualification of(TierPolicy policy, EceBound bound, QualificationMode mode) {
    return of(policy, bound.ece(), bound.upper(), mode);
  }

  /** The tier acted on: {@link #point()} in {@link QualificationMode#POINT}, else {@link #upper()}. */
  public int tier() {
    return mode == QualificationMode.POINT ? point : upper;
  }
}
