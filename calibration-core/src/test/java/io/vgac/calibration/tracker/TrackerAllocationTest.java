package io.vgac.calibration.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Once the window is full, update allocates nothing (all detectors on, calibrated stream without alarms). */
class TrackerAllocationTest {

  @Test
  void updatesDoNotAllocate() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter unavailable");
    com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled());
    long thread = Thread.currentThread().getId();

    int n = 200_000;
    double[] p = Streams.pick(Streams.CONCENTRATED, n, 4);
    int[] y = Streams.outcomes(p, 0, 4);
    Streams.FakeClock clock = new Streams.FakeClock();
    EnvironmentTracker t =
        new EnvironmentTracker("a", TrackerConfig.ofDefaults(), clock, TrackerListener.NONE);
    for (int pass = 0; pass < 2; pass++) {
      long before = hotspot.getThreadAllocatedBytes(thread);
      for (int i = 0; i < n; i++) {
        t.update(p[i], y[i]);
      }
      long bytes = hotspot.getThreadAllocatedBytes(thread) - before;
      if (pass == 1) {
        assertThat(bytes).as("bytes allocated by %d updates", n).isLessThan(16_384);
      }
    }
  }
}
