package io.vgac.calibration.metrics;

import io.vgac.calibration.Interval;
import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.binning.BinInterval;
import java.util.ArrayList;
import java.util.List;

/** The binned calibration errors of a set of bin sums; shared by the batch report and the streaming snapshot. */
record BinnedErrors(double ece, double mce, double rmsce, double eceDebiased, MurphyDecomposition murphy) {

  static BinnedErrors of(BinSums b, double totalWeight, double prevalence) {
    double l1 = 0, l2 = 0, max = 0, deb = 0, debScale = 0, res = 0, wbv = 0, wbc = 0;
    for (int k = 0; k < b.bins; k++) {
      double bw = b.w[k];
      if (!(bw > 0)) {
        continue;
      }
      double pm = b.sp[k] / bw;
      double ym = b.sy[k] / bw;
      double gap = Math.abs(pm - ym);
      double share = bw / totalWeight;
      l1 += share * gap;
      l2 += share * gap * gap;
      max = Math.max(max, gap);
      // Weights are frequency weights throughout, so Σw plays the part of the bin's row count.
      if (bw > 1) {
        double variance = ym * (1 - ym) / (bw - 1);
        deb += share * (gap * gap - variance);
        debScale += share * (gap * gap + variance);
      }
      res += share * (ym - prevalence) * (ym - prevalence);
      wbv += (b.spp[k] - b.sp[k] * pm) / totalWeight;
      wbc += 2 * (b.spy[k] - b.sp[k] * ym) / totalWeight;
    }
    // A difference within rounding error of zero is zero; the square root would blow 1e-17 up to 1e-9.
    double debiased = deb > 1e-13 * debScale ? Math.sqrt(deb) : 0;
    MurphyDecomposition murphy = new MurphyDecomposition(l2, res, prevalence * (1 - prevalence), wbv, wbc);
    return new BinnedErrors(l1, max, Math.sqrt(l2), debiased, murphy);
  }

  /** The bin table, empty bins included, with an interval for each observed rate. */
  static List<Bin> table(BinSums b, BinInterval method, double level) {
    List<Bin> bins = new ArrayList<>(b.bins);
    for (int k = 0; k < b.bins; k++) {
      double bw = b.w[k];
      if (bw > 0) {
        Interval ci = method.interval(b.sy[k], bw, level);
        bins.add(new Bin(b.lo[k], b.hi[k], b.n[k], bw, b.sp[k] / bw, b.sy[k] / bw, b.sy[k], ci.lo(), ci.hi()));
      } else {
        bins.add(new Bin(b.lo[k], b.hi[k], 0, 0, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN));
      }
    }
    return bins;
  }
}
