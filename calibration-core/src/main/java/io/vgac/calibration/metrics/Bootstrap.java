package io.vgac.calibration.metrics;

import io.vgac.calibration.Interval;
import io.vgac.calibration.Predictions;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeded bootstrap percentile intervals. The data are sorted once; each resample is a vector of multinomial counts
 * used as weights over the sorted rows, so no resample copies or re-sorts the data. Resample r draws from its own
 * generator seeded from (seed, r), so the result is the same for any parallelism.
 */
public final class Bootstrap {
  private Bootstrap() {}

  public static BootstrapResult run(Predictions predictions, CalibrationOptions options, BootstrapConfig config) {
    SortedPredictions s = SortedPredictions.of(predictions);
    Metric[] metrics = config.metrics().toArray(new Metric[0]);
    Set<Metric.Group> groups = EnumSet.noneOf(Metric.Group.class);
    for (Metric m : metrics) {
      groups.add(m.group);
    }
    if (config.tailGaps()) {
      groups.add(Metric.Group.TAIL);
    }
    if (groups.contains(Metric.Group.LOGISTIC)) {
      s.logits(options.logLossEpsilon()); // computed once, before the workers share it
    }
    int r = config.resamples();
    int tails = config.tailGaps() ? options.tailCount() : 0;
    double[][] values = new double[metrics.length][r];
    double[][] tailValues = new double[tails][r];
    int[] positives = config.stratified() ? positionsOf(s, (byte) 1) : null;
    int[] negatives = config.stratified() ? positionsOf(s, (byte) 0) : null;
    AtomicInteger done = new AtomicInteger();

    int threads = Math.min(config.parallelism(), r);
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, Bootstrap::daemon) : null;
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        Runnable worker =
            () -> {
              int n = s.size();
              int[] counts = new int[n];
              double[] weights = new double[n];
              for (int i = first; i < r; i += threads) {
                resample(s, config.seed(), i, positives, negatives, counts, weights);
                CalibrationReport rep = MetricEngine.compute(s, weights, options, groups);
                for (int m = 0; m < metrics.length; m++) {
                  values[m][i] = metrics[m].valueOf(rep);
                }
                for (int k = 0; k < tails; k++) {
                  tailValues[k][i] = rep.tail().get(k).gap();
                }
                config.progress().accept(done.incrementAndGet());
              }
            };
        if (pool == null) {
          worker.run();
        } else {
          futures.add(pool.submit(worker));
        }
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bootstrap interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }

    Map<Metric, Interval> intervals = new EnumMap<>(Metric.class);
    Map<Metric, Integer> undefined = new EnumMap<>(Metric.class);
    for (int m = 0; m < metrics.length; m++) {
      int nan = countNaN(values[m]);
      intervals.put(metrics[m], percentile(values[m], config.level()));
      undefined.put(metrics[m], nan);
    }
    TreeMap<Double, Interval> tailIntervals = new TreeMap<>();
    for (int k = 0; k < tails; k++) {
      tailIntervals.put(options.tailThreshold(k), percentile(tailValues[k], config.level()));
    }
    return new BootstrapResult(
        r, config.seed(), config.stratified(), config.level(), intervals, tailIntervals, undefined);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "vgac-bootstrap");
    t.setDaemon(true);
    return t;
  }

  /** Multinomial counts over the sorted rows (within each class when stratified), times the data's weights. */
  private static void resample(
      SortedPredictions s, long seed, int index, int[] positives, int[] negatives, int[] counts, double[] weights) {
    SplittableRandom rnd = new SplittableRandom(mix(seed, index));
    int n = s.size();
    Arrays.fill(counts, 0);
    if (positives == null) {
      for (int j = 0; j < n; j++) {
        counts[rnd.nextInt(n)]++;
      }
    } else {
      for (int j = 0; j < positives.length; j++) {
        counts[positives[rnd.nextInt(positives.length)]]++;
      }
      for (int j = 0; j < negatives.length; j++) {
        counts[negatives[rnd.nextInt(negatives.length)]]++;
      }
    }
    double[] w = s.w;
    for (int i = 0; i < n; i++) {
      weights[i] = w == null ? counts[i] : counts[i] * w[i];
    }
  }

  /** A well-spread seed per (seed, resample): SplitMix64's finaliser over a golden-ratio stride. */
  static long mix(long seed, int index) {
    long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static int[] positionsOf(SortedPredictions s, byte label) {
    int count = 0;
    for (byte v : s.y) {
      if (v == label) {
        count++;
      }
    }
    int[] out = new int[count];
    int j = 0;
    for (int i = 0; i < s.y.length; i++) {
      if (s.y[i] == label) {
        out[j++] = i;
      }
    }
    return out;
  }

  private static int countNaN(double[] v) {
    int c = 0;
    for (double x : v) {
      if (Double.isNaN(x)) {
        c++;
      }
    }
    return c;
  }

  /** Percentile interval with linear interpolation between order statistics (numpy's default), NaNs left out. */
  static Interval percentile(double[] values, double level) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return Interval.undefined(level);
    }
    double alpha = (1 - level) / 2;
    return new Interval(quantile(v, alpha), quantile(v, 1 - alpha), level);
  }

  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double frac = pos - lo;
    return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
  }
}
