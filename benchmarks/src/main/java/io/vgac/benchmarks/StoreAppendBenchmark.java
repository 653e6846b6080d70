package io.vgac.benchmarks;

import io.vgac.agents.store.FileCalibrationStore;
import io.vgac.agents.store.PredictionRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link FileCalibrationStore#appendPrediction}: one scored prediction per op, each at a new timestamp of one
 * cluster (the workflow's pattern: one per started job), with and without fsync. Each iteration starts from a fresh
 * store in a temporary directory. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar StoreAppendBenchmark -f 1 -wi 2 -i 5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class StoreAppendBenchmark {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  @Param({"false", "true"})
  public boolean sync;

  private Path dir;
  private FileCalibrationStore store;
  private long n;

  @Setup(Level.Iteration)
  public void open() throws IOException {
    dir = Files.createTempDirectory("vgac-append-bench");
    store = new FileCalibrationStore(dir, Clock.fixed(T0, ZoneOffset.UTC), sync);
    n = 0;
  }

  @TearDown(Level.Iteration)
  public void delete() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Benchmark
  public void appendPrediction() {
    long i = n++;
    store.appendPrediction(PredictionRecord.scored("bench-cluster", T0.plusMillis(i), "job-" + i, i % 120, i % 97,
        0.7));
  }
}
