package io.vgac.calibration.metrics;

import io.vgac.calibration.binning.Binning;

/**
 * A thread-safe {@link CalibrationAccumulator}: writers are spread over lock-striped accumulators (like
 * {@code LongAdder}), and a snapshot combines the stripes. {@code accept} from many threads scales with the number
 * of stripes; {@code snapshot} sees every accept that finished before it started.
 */
public final class ConcurrentCalibrationAccumulator {
  private final CalibrationAccumulator[] stripes;
  private final Binning binning;

  public ConcurrentCalibrationAccumulator(Binning binning) {
    this(binning, Math.max(2, Integer.highestOneBit(Runtime.getRuntime().availableProcessors() * 2)));
  }

  public ConcurrentCalibrationAccumulator(Binning binning, int stripes) {
    if (stripes < 1 || stripes > 4096) {
      throw new IllegalArgumentException("stripes must be in [1, 4096] but was " + stripes);
    }
    this.binning = binning;
    this.stripes = new CalibrationAccumulator[stripes];
    for (int i = 0; i < stripes; i++) {
      this.stripes[i] = new CalibrationAccumulator(binning);
    }
  }

  public void accept(double p, int y) {
    accept(p, y, 1.0);
  }

  public void accept(double p, int y, double w) {
    CalibrationAccumulator a = stripes[(int) (mix(Thread.currentThread().getId()) & 0x7fffffff) % stripes.length];
    synchronized (a) {
      a.accept(p, y, w);
    }
  }

  /** Merges another (single-threaded) accumulator's rows in. */
  public void combine(CalibrationAccumulator other) {
    CalibrationAccumulator a = stripes[0];
    synchronized (a) {
      a.combine(other);
    }
  }

  /** All rows so far, combined into a fresh single-threaded accumulator. */
  public CalibrationAccumulator merged() {
    CalibrationAccumulator all = new CalibrationAccumulator(binning);
    for (CalibrationAccumulator a : stripes) {
      synchronized (a) {
        all.combine(a);
      }
    }
    return all;
  }

  public CalibrationSnapshot snapshot() {
    return merged().snapshot();
  }

  private static long mix(long x) {
    x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
    return x ^ (x >>> 33);
  }
}
