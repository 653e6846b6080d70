package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The hot path does not allocate: after the first pass (class loading, ADWIN's row growth), a second pass over
 * the same data allocates (almost) nothing on this thread. Uses HotSpot's per-thread allocation counter.
 */
class DetectorAllocationTest {

  @Test
  void updatesDoNotAllocate() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter unavailable");
    com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled());
    long thread = Thread.currentThread().getId();
    LongSupplier allocated = () -> hotspot.getThreadAllocatedBytes(thread);

    int n = 200_000;
    double[] x = new double[n];
    double[] p = new double[n];
    int[] y = new int[n];
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      p[i] = random.nextDouble();
      y[i] = random.nextDouble() < p[i] ? 1 : 0;
      x[i] = y[i];
    }
    Adwin adwin = Adwin.ofDefaults();
    PageHinkley ph = PageHinkley.ofDefaults();
    Cusum cusum = Cusum.ofDefaults();
    CalibrationEDetector eDetector = CalibrationEDetector.ofDefaults();
    for (int pass = 0; pass < 2; pass++) {
      adwin.reset();
      ph.reset();
      cusum.reset();
      eDetector.reset();
      long before = allocated.getAsLong();
      for (int i = 0; i < n; i++) {
        adwin.update(x[i]);
        ph.update(x[i]);
        cusum.update(x[i]);
        eDetector.update(p[i], y[i]);
      }
      long bytes = allocated.getAsLong() - before;
      if (pass == 1) {
        // A handful of bytes per million updates at most (e.g. a possible alarm record), not 16+ per update.
        assertThat(bytes).as("bytes allocated by %d updates of 4 detectors", n).isLessThan(16_384);
      }
    }
  }
}
