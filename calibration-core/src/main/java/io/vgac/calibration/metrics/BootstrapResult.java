package io.vgac.calibration.metrics;

import io.vgac.calibration.Interval;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Percentile intervals from a bootstrap. An interval is undefined (NaN ends) when the metric was undefined in every
 * resample; {@code undefinedResamples} counts, per metric, the resamples left out because the metric was NaN there
 * (for example AUROC on a resample with one class).
 *
 * @param intervals interval per resampled metric
 * @param tailGaps interval of the tail gap per threshold τ
 * @param undefinedResamples resamples in which the metric was undefined
 */
public record BootstrapResult(
    int resamples,
    long seed,
    boolean stratified,
    double level,
    Map<Metric, Interval> intervals,
    SortedMap<Double, Interval> tailGaps,
    Map<Metric, Integer> undefinedResamples) {

  public BootstrapResult {
    intervals = Map.copyOf(intervals);
    tailGaps = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tailGaps));
    undefinedResamples = Map.copyOf(undefinedResamples);
  }

  /** The interval of {@code metric}, or null when it was not resampled. */
  public @Nullable Interval interval(Metric metric) {
    return intervals.get(metric);
  }
}
