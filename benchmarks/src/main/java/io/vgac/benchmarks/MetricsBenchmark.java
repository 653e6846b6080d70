package io.vgac.benchmarks;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.metrics.CalibrationAccumulator;
import io.vgac.calibration.metrics.CalibrationMetrics;
import io.vgac.calibration.metrics.CalibrationOptions;
import io.vgac.calibration.metrics.CalibrationReport;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every metric of the report on 1.2M predictions (prevalence ≈ 10%) against the unprotected baseline of one
 * {@code Arrays.sort} of the same array. The target is report ≤ 5× sort.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class MetricsBenchmark {
  @Param({"1200000"})
  int n;

  @Param({"uniform", "array-split"})
  String binning;

  private double[] p;
  private Predictions predictions;
  private CalibrationOptions options;

  @Setup
  public void setup() {
    BenchmarkData d = BenchmarkData.generate(n, 42);
    p = d.p;
    predictions = Predictions.of(d.p, d.y);
    options = CalibrationOptions.builder().binning(Binning.of(binning, 15)).build();
  }

  @Benchmark
  public double[] baselineArraysSort() {
    double[] copy = p.clone();
    Arrays.sort(copy);
    return copy;
  }

  @Benchmark
  public CalibrationReport fullReport() {
    return CalibrationMetrics.report(predictions, options);
  }

  @Benchmark
  public double streamingAccumulator() {
    CalibrationAccumulator a = new CalibrationAccumulator(Binning.uniform(15));
    double[] ps = p;
    for (int i = 0; i < ps.length; i++) {
      a.accept(ps[i], predictions.label(i));
    }
    return a.snapshot().ece();
  }
}
