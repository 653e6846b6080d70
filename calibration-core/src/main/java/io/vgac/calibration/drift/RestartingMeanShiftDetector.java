package io.vgac.calibration.drift;

/**
 * What MOA's {@code CusumDM} and {@code PageHinkleyDM} share: a running mean since the last (re)start, a cumulative
 * statistic whose update rule each subclass gives, an alarm when the statistic exceeds λ once the internal counter
 * (starting at 1, incremented per item) has reached {@code minInstances}, and a restart on the item after an alarm
 * while alarm indices keep counting from the start of the stream. Mutable and not thread-safe; no allocation.
 */
abstract class RestartingMeanShiftDetector implements ChangeDetector {
  private final int minInstances;
  private final double lambda;

  long count;
  long detections;
  boolean changeDetected;
  long counter; // MOA's m_n: 1 + items since the last (re)start
  double mean;
  double sum;

  RestartingMeanShiftDetector(int minInstances, double lambda) {
    this.minInstances = minInstances;
    this.lambda = lambda;
    reset();
  }

  /** The statistic after item {@code x}, given the previous statistic and the mean including {@code x}. */
  abstract double nextSum(double sum, double x, double mean);

  @Override
  public final boolean update(double x) {
    ChangeDetector.checkFinite(x);
    if (changeDetected) {
      restart();
    }
    count++;
    mean = mean + (x - mean) / counter;
    sum = nextSum(sum, x, mean);
    counter++;
    changeDetected = counter >= minInstances && sum > lambda;
    if (changeDetected) {
      detections++;
    }
    return changeDetected;
  }

  private void restart() {
    counter = 1;
    mean = 0;
    sum = 0;
    changeDetected = false;
  }

  @Override
  public final void reset() {
    restart();
    count = 0;
    detections = 0;
  }

  @Override
  public final long count() {
    return count;
  }

  /** Mean since the last (re)start; NaN when no item has been seen since. */
  @Override
  public final double estimate() {
    return counter == 1 ? Double.NaN : mean;
  }

  /** The cumulative statistic {@code S_t} after the last item (0 before any item). */
  public final double statistic() {
    return sum;
  }

  /** Number of items at which a change was flagged since construction or the last reset. */
  public final long detections() {
    return detections;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[statistic=" + sum + ", mean=" + estimate() + ", count=" + count + "]";
  }
}
