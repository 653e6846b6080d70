package io.vgac.calibration.metrics;

import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.binning.Binning;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.special.Erf;
import org.jspecify.annotations.Nullable;

/**
 * Computes a {@link CalibrationReport} from sorted predictions and a weight vector in sorted order. The bootstrap
 * calls it once per resample with multinomial counts as weights, so nothing here re-sorts or copies the data.
 */
final class MetricEngine {
  static final Set<Metric.Group> ALL_GROUPS = EnumSet.allOf(Metric.Group.class);

  private MetricEngine() {}

  static CalibrationReport compute(
      SortedPredictions s, double @Nullable [] weights, CalibrationOptions o, Set<Metric.Group> groups) {
    double[] wt = weights != null ? weights : s.w;
    int n = s.size();
    double[] p = s.p;
    byte[] y = s.y;

    // Totals: one pass.
    double tw = 0, twy = 0, twp = 0, brierSum = 0, szNum = 0, szDen = 0;
    for (int i = 0; i < n; i++) {
      double wi = wt == null ? 1 : wt[i];
      double pi = p[i];
      int yi = y[i];
      double d = pi - yi;
      double a = 1 - 2 * pi;
      tw += wi;
      twp += wi * pi;
      twy += wi * yi;
      brierSum += wi * d * d;
      szNum += wi * (yi - pi) * a;
      szDen += wi * a * a * pi * (1 - pi);
    }
    double prevalence = twy / tw;
    double brier = brierSum / tw;
    double unc = prevalence * (1 - prevalence);
    double z = szDen > 0 ? szNum / Math.sqrt(szDen) : Double.NaN;
    double zp = Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / Math.sqrt(2));
    double oe = twp > 0 ? twy / twp : Double.NaN;
    boolean oneClass = !(twy > 0) || !(tw - twy > 0);

    double auroc = Double.NaN, auprc = Double.NaN;
    boolean ranking = groups.contains(Metric.Group.RANKING) && !oneClass;
    boolean corpNeeded = groups.contains(Metric.Group.CORP);
    double sHat = Double.NaN;
    if (ranking || corpNeeded) {
      TiePass t = TiePass.run(s, wt, twy, tw - twy, ranking, corpNeeded);
      auroc = t.auroc;
      auprc = t.averagePrecision;
      sHat = t.isotonicBrier / tw;
    }
    double logLoss = groups.contains(Metric.Group.LOG_LOSS) ? logLoss(s, wt, tw, o.logLossEpsilon()) : Double.NaN;

    double ece = Double.NaN, mce = Double.NaN, rmsce = Double.NaN, debiased = Double.NaN;
    MurphyDecomposition murphy = new MurphyDecomposition(Double.NaN, Double.NaN, unc, Double.NaN, Double.NaN);
    List<Bin> table = List.of();
    if (groups.contains(Metric.Group.BINS)) {
      BinSums b = BinSums.of(s, o.binning(), weights);
      BinnedErrors e = BinnedErrors.of(b, tw, prevalence);
      ece = e.ece();
      mce = e.mce();
      rmsce = e.rmsce();
      debiased = e.eceDebiased();
      murphy = e.murphy();
      if (weights == null) {
        table = BinnedErrors.table(b, o.binInterval(), o.intervalLevel());
      }
    }
    double ace = groups.contains(Metric.Group.ACE) ? ace(s, weights, o.aceBins()) : Double.NaN;
    CorpDecomposition corp =
        groups.contains(Metric.Group.CORP)
            ? new CorpDecomposition(Math.max(0, brier - sHat), Math.max(0, unc - sHat), unc)
            : new CorpDecomposition(Double.NaN, Double.NaN, unc);
    double slope = Double.NaN, intercept = Double.NaN;
    if (groups.contains(Metric.Group.LOGISTIC) && !oneClass) {
      double[] lp = s.logits(o.logLossEpsilon());
      slope = LogisticRecalibration.slope(lp, y, wt);
      intercept = LogisticRecalibration.interceptWithOffset(p, o.logLossEpsilon(), y, wt);
    }
    List<TailGap> tail = groups.contains(Metric.Group.TAIL) ? tail(s, wt, o) : List.of();
    return new CalibrationReport(
        n, tw, twy, prevalence, auroc, auprc, brier, logLoss, ece, mce, rmsce, debiased, ace, murphy, corp, tail,
        z, zp, oe, slope, intercept, o.binning(), table);
  }

  private static double logLoss(SortedPredictions s, double @Nullable [] wt, double tw, double eps) {
    double sum = 0;
    for (int i = 0; i < s.size(); i++) {
      double wi = wt == null ? 1 : wt[i];
      if (wi == 0) {
        continue;
      }
      double pi = Math.min(Math.max(s.p[i], eps), 1 - eps);
      sum -= wi * Math.log(s.y[i] != 0 ? pi : 1 - pi); // Math.log is an intrinsic; log1p is not
    }
    return sum / tw;
  }

  private static double ace(SortedPredictions s, double @Nullable [] weights, int bins) {
    BinSums b = BinSums.of(s, Binning.equalMass(bins), weights);
    double sum = 0;
    int used = 0;
    for (int k = 0; k < b.bins; k++) {
      if (b.w[k] > 0) {
        sum += Math.abs(b.sp[k] - b.sy[k]) / b.w[k];
        used++;
      }
    }
    return sum / used;
  }

  private static List<TailGap> tail(SortedPredictions s, double @Nullable [] wt, CalibrationOptions o) {
    List<TailGap> out = new ArrayList<>(o.tailCount());
    int n = s.size();
    for (int t = 0; t < o.tailCount(); t++) {
      double tau = o.tailThreshold(t);
      int from = BinSums.lowerBound(s.p, tau);
      double w = 0, sp = 0, sy = 0;
      long rows = 0;
      for (int i = from; i < n; i++) {
        double wi = wt == null ? 1 : wt[i];
        if (wi == 0) {
          continue;
        }
        rows++;
        w += wi;
        sp += wi * s.p[i];
        if (s.y[i] != 0) {
          sy += wi;
        }
      }
      double gap = rows >= o.tailMinRows() && w > 0 ? Math.abs(sy / w - sp / w) : Double.NaN;
      out.add(new TailGap(tau, rows, gap));
    }
    return out;
  }
}
