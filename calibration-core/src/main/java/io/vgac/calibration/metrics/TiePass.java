package io.vgac.calibration.metrics;

import org.jspecify.annotations.Nullable;

/**
 * One ascending pass over the tie groups of sorted predictions that yields AUROC, average precision and the
 * isotonic (PAV) fit's Brier sum for CORP — without per-group arrays for the first two, so a bootstrap resample
 * allocates nothing for them.
 *
 * <ul>
 *   <li>AUROC (Mann–Whitney): each positive scores the negatives below it plus half of those tied with it.
 *   <li>Average precision (scikit-learn's Σ (Rₖ − Rₖ₊₁)·Pₖ with thresholds at each distinct score): at the
 *       threshold of group k the recall step is pos_k / W₊ and the precision is the share of positives among the
 *       groups at or above k, which an ascending pass knows as (W₊ − pos below) / (W − weight below).
 *   <li>CORP: pool-adjacent-violators over the groups (ties pooled first), then S(p̂) = Σ W_block·m(1 − m),
 *       since with 0/1 outcomes a block's squared error around its mean m is W·m(1 − m).
 * </ul>
 */
final class TiePass {
  double auroc = Double.NaN;
  double averagePrecision = Double.NaN;
  double isotonicBrier = Double.NaN;

  private TiePass() {}

  static TiePass run(
      SortedPredictions s, double @Nullable [] wt, double wPos, double wNeg, boolean ranking, boolean corp) {
    int[] g = s.groupStart;
    int groups = g.length - 1;
    double[] bw = corp ? new double[groups] : null;
    double[] by = corp ? new double[groups] : null;
    int top = -1;
    double posBelow = 0, negBelow = 0, mannWhitney = 0, ap = 0;
    for (int k = 0; k < groups; k++) {
      double gp = 0, gn = 0;
      for (int i = g[k]; i < g[k + 1]; i++) {
        double wi = wt == null ? 1 : wt[i];
        if (s.y[i] != 0) {
          gp += wi;
        } else {
          gn += wi;
        }
      }
      if (gp + gn == 0) {
        continue;
      }
      if (ranking) {
        mannWhitney += gp * (negBelow + 0.5 * gn);
        if (gp > 0) {
          double tp = wPos - posBelow;
          double fp = wNeg - negBelow;
          ap += (gp / wPos) * (tp / (tp + fp));
        }
      }
      posBelow += gp;
      negBelow += gn;
      if (corp) {
        top++;
        bw[top] = gp + gn;
        by[top] = gp;
        // Merge while the previous block's mean exceeds this one's (cross-multiplied to avoid division).
        while (top > 0 && by[top - 1] * bw[top] > by[top] * bw[top - 1]) {
          bw[top - 1] += bw[top];
          by[top - 1] += by[top];
          top--;
        }
      }
    }
    TiePass t = new TiePass();
    if (ranking) {
      t.auroc = mannWhitney / (wPos * wNeg);
      t.averagePrecision = Math.min(1, ap); // Σ pos_k/W₊ is 1 only up to rounding
    }
    if (corp) {
      double sum = 0;
      for (int k = 0; k <= top; k++) {
        double m = by[k] / bw[k];
        sum += bw[k] * m * (1 - m);
      }
      t.isotonicBrier = sum;
    }
    return t;
  }
}
