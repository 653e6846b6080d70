package io.vgac.tracelab.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The labelled jobs of one trace as a feature matrix, in submit order.
 *
 * @param name the trace's name
 * @param features the feature set of the columns
 * @param thresholdSeconds the long-wait threshold of the labels
 * @param x {@code x[row][feature]}
 * @param y 0/1 labels
 * @param snapshots the snapshot of each row
 * @param unlabelled censored jobs left out because they had not yet waited past the threshold
 */
public record Dataset(
    String name,
    FeatureSet features,
    double thresholdSeconds,
    double[][] x,
    int[] y,
    List<JobSnapshot> snapshots,
    int unlabelled) {

  /** Labels and featurises every snapshot of {@code swept} whose label is known. */
  public static Dataset of(SweptTrace swept, FeatureSet features, double thresholdSeconds) {
    List<JobSnapshot> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int unlabelled = 0;
    double until = swept.trace().observedUntil();
    for (JobSnapshot s : swept.snapshots()) {
      Label l = LabelRule.label(s, thresholdSeconds, until);
      if (l == Label.UNKNOWN) {
        unlabelled++;
        continue;
      }
      rows.add(s);
      labels.add(l == Label.LONG ? 1 : 0);
    }
    double[][] x = new double[rows.size()][];
    int[] y = new int[rows.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = features.values(rows.get(i));
      y[i] = labels.get(i);
    }
    return new Dataset(swept.name(), features, thresholdSeconds, x, y, rows, unlabelled);
  }

  public int size() {
    return y.length;
  }

  /** Rows {@code [from, to)}. */
  public Dataset slice(int from, int to) {
    double[][] xs = new double[to - from][];
    int[] ys = new int[to - from];
    System.arraycopy(x, from, xs, 0, to - from);
    System.arraycopy(y, from, ys, 0, to - from);
    return new Dataset(name, features, thresholdSeconds, xs, ys, snapshots.subList(from, to), 0);
  }

  /** The share of label 1; NaN when empty. */
  public double prevalence() {
    if (y.length == 0) {
      return Double.NaN;
    }
    long s = 0;
    for (int v : y) {
      s += v;
    }
    return (double) s / y.length;
  }
}
