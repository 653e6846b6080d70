package io.vgac.benchmarks;

import io.vgac.tracelab.features.Dataset;
import io.vgac.tracelab.features.FeatureSet;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.read.MalformedLinePolicy;
import io.vgac.tracelab.read.Trace;
import io.vgac.tracelab.read.Traces;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * trace-lab on a real trace (CEA-Curie, 312,826 jobs, 3.6 MB gzip; not bundled): parsing the gzip SWF, the feature
 * sweep (every job's {@code Job} + {@code ClusterState} at its submit time) and turning the snapshots into the
 * agents' feature matrix. Targets (issue 7): parse ≤ 2 s, sweep ≤ 1 s.
 *
 * <p>The trace is {@code -p trace=PATH} or {@code -jvmArgsAppend -Dvgac.bench.trace=PATH}; the default
 * {@value #DEFAULT_TRACE} is looked up from the working directory and its parents (so it is found from the main
 * checkout and from a worktree under it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class TraceLabBenchmark {
  static final String DEFAULT_TRACE = "../shared/data/traces/CEA-Curie-2011-2.1-cln.swf.gz";

  @Param({DEFAULT_TRACE})
  String trace;

  private Path path;
  private Trace parsed;
  private SweptTrace swept;

  @Setup
  public void setup() {
    path = locate(System.getProperty("vgac.bench.trace", trace));
    parsed = Traces.read(path, MalformedLinePolicy.FAIL);
    swept = FeatureSweep.sweep(parsed);
  }

  /** {@code name} as given, else (relative) against each parent of the working directory. */
  static Path locate(String name) {
    Path p = Path.of(name);
    if (Files.isRegularFile(p) || p.isAbsolute()) {
      return requireFile(p, name);
    }
    Path base = Path.of("").toAbsolutePath();
    for (Path dir = base; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(name).normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return requireFile(p, name);
  }

  private static Path requireFile(Path p, String name) {
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("trace: no such file '" + name + "' (from " + Path.of("").toAbsolutePath()
          + " or its parents); pass -p trace=PATH");
    }
    return p;
  }

  /** gzip + SWF parsing into {@code TraceJob}s (header, unknowns, censoring). Target ≤ 2 s. */
  @Benchmark
  public Trace parse() {
    return Traces.read(path, MalformedLinePolicy.FAIL);
  }

  /** The O(n log n) event sweep over the parsed trace. Target ≤ 1 s. */
  @Benchmark
  public SweptTrace sweep() {
    return FeatureSweep.sweep(parsed);
  }

  /** Labels and the agents' 15 queue features of every swept job (what training and evaluation start from). */
  @Benchmark
  public Dataset features() {
    return Dataset.of(swept, FeatureSet.AGENTS, 600);
  }
}
