package io.vgac.benchmarks;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.metrics.Bootstrap;
import io.vgac.calibration.metrics.BootstrapConfig;
import io.vgac.calibration.metrics.BootstrapResult;
import io.vgac.calibration.metrics.CalibrationOptions;
import io.vgac.calibration.metrics.Metric;
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

/** 1,000 bootstrap resamples of ECE, AUROC and Brier on 100k rows (target: under 5 s), and of every metric. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class BootstrapBenchmark {
  @Param({"100000"})
  int n;

  @Param({"1", "2"})
  int threads;

  private Predictions predictions;

  @Setup
  public void setup() {
    BenchmarkData d = BenchmarkData.generate(n, 7);
    predictions = Predictions.of(d.p, d.y);
  }

  @Benchmark
  public BootstrapResult eceAurocBrier() {
    return Bootstrap.run(
        predictions,
        CalibrationOptions.ofDefaults(),
        BootstrapConfig.builder()
            .resamples(1000)
            .seed(1)
            .parallelism(threads)
            .metrics(Metric.ECE, Metric.AUROC, Metric.BRIER)
            .tailGaps(false)
            .build());
  }

  @Benchmark
  public BootstrapResult everyMetric() {
    return Bootstrap.run(
        predictions,
        CalibrationOptions.ofDefaults(),
        BootstrapConfig.builder().resamples(1000).seed(1).parallelism(threads).build());
  }
}
