package io.vgac.cli.report;

import io.vgac.calibration.Interval;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bootstrap confidence intervals of the report's metrics.
 *
 * @param resamples how many resamples were drawn
 * @param seed the random seed (the same seed gives the same intervals)
 * @param level nominal coverage of every interval, e.g. 0.95
 * @param intervals by JSON metric name ({@code auroc}, {@code ece}, …), in a stable order; an interval whose ends
 *     are NaN was undefined in too many resamples
 */
public record BootstrapSummary(int resamples, long seed, double level, Map<String, Interval> intervals) {
  public BootstrapSummary {
    intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
  }
}
