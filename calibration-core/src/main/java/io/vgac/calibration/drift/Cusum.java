package io.vgac.calibration.drift;

/**
 * One-sided CUSUM for an increase of the stream mean, as MOA 2024.07.0's {@code CusumDM} (same defaults, same
 * alarm items).
 *
 * <p>With x̄ the running mean since the last (re)start, {@code S_t = max(0, S_{t−1} + x_t − x̄_t − δ)}; a change
 * is flagged when {@code S_t > λ}, once the internal counter (starting at 1, incremented per item) has reached
 * {@code minInstances}. Like MOA, the detector <b>restarts itself on the item after an alarm</b>, while alarm
 * indices keep counting from the start of the stream. Mutable and not thread-safe; no allocation per update.
 */
public final class Cusum implements ChangeDetector {
  private final CusumConfig config;

  private long count;
  private long detections;
  private boolean changeDetected;
  private long counter; // MOA's m_n: 1 + items since the last (re)start
  private double mean;
  private double sum;

  public Cusum(CusumConfig config) {
    this.config = config;
    reset();
  }

  /** CUSUM with MOA's defaults ({@link CusumConfig#ofDefaults()}). */
  public static Cusum ofDefaults() {
    return new Cusum(CusumConfig.ofDefaults());
  }

  public CusumConfig config() {
    return config;
  }

  @Override
  public boolean update(double x) {
    ChangeDetector.checkFinite(x);
    if (changeDetected) {
      restart();
    }
    count++;
    mean = mean + (x - mean) / counter;
    sum = Math.max(0, sum + x - mean - config.delta());
    counter++;
    changeDetected = counter >= config.minInstances() && sum > config.lambda();
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
  public void reset() {
    restart();
    count = 0;
    detections = 0;
  }

  @Override
  public long count() {
    return count;
  }

  /** Mean since the last (re)start; NaN when no item has been seen since. */
  @Override
  public double estimate() {
    return counter == 1 ? Double.NaN : mean;
  }

  /** The cumulative sum after the last item (0 before any). */
  public double statistic() {
    return sum;
  }

  /** Number of items at which a change was flagged since construction or the last reset. */
  public long detections() {
    return detections;
  }

  @Override
  public String toString() {
    return "Cusum[statistic=" + sum + ", mean=" + estimate() + ", count=" + count + "]";
  }
}
