package io.vgac.calibration.conformal;

/**
 * The complete state of an {@link AdaptiveConformal}, to store it and resume with
 * {@link AdaptiveConformal#resume(AdaptiveConformalConfig, AdaptiveConformalState)}.
 *
 * @param alpha the current α_t (finite; may leave [0,1] by at most the step, which is how ACI works)
 * @param scores the window's scores, oldest first (each finite and ≥ 0); a copy in and out
 * @param updates outcomes seen so far (≥ 0)
 * @param misses of which missed their interval (in [0, updates])
 */
public record AdaptiveConformalState(double alpha, double[] scores, long updates, long misses) {

  public AdaptiveConformalState {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite but was " + alpha);
    }
    scores = scores.clone();
    for (int i = 0; i < scores.length; i++) {
      SplitConformal.checkScore(scores[i], i);
    }
    if (updates < 0) {
      throw new IllegalArgumentException("updates must be ≥ 0 but was " + updates);
    }
    if (misses < 0 || misses > updates) {
      throw new IllegalArgumentException("misses must be in [0," + updates + "] but was " + misses);
    }
  }

  @Override
  public double[] scores() {
    return scores.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AdaptiveConformalState s && Double.compare(alpha, s.alpha) == 0
        && java.util.Arrays.equals(scores, s.scores) && updates == s.updates && misses == s.misses;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(alpha, java.util.Arrays.hashCode(scores), updates, misses);
  }

  @Override
  public String toString() {
    return "AdaptiveConformalState[alpha=" + alpha + ", scores=" + scores.length + ", updates=" + updates
        + ", misses=" + misses + "]";
  }
}
