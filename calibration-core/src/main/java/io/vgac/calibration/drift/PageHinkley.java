package io.vgac.calibration.drift;

/**
 * Page-Hinkley test for an increase of the stream mean, as MOA 2024.07.0's {@code PageHinkleyDM} (same defaults,
 * same alarm items).
 *
 * <p>With x̄ the running mean since the last (re)start, the statistic is
 * {@code S_t = α·S_{t−1} + (x_t − x̄_t − δ)}; a change is flagged when {@code S_t > λ}, once the internal
 * counter (starting at 1, incremented per item) has reached {@code minInstances}. Note that MOA 2024.07.0 (and
 * so this class) compares the forgetting cumulative sum itself with λ, not its distance to the running minimum
 * {@code S_t − min_s S_s} of the textbook test; because x̄ includes the current item the sum drifts little under
 * no change, and the reference alarm indices are only reproduced this way. Like MOA, the detector <b>restarts itself on the item after an alarm</b>: the next
 * {@link #update(double)} begins a fresh mean and sum, so alarm indices keep counting from the start of the
 * stream while the evidence starts again from zero. Only increases are detected (feed an error indicator or a
 * loss). Mutable and not thread-safe; no allocation per update.
 */
public final class PageHinkley implements ChangeDetector {
  private final PageHinkleyConfig config;

  private long count;
  private long detections;
  private boolean changeDetected;
  private long counter; // MOA's m_n: 1 + items since the last (re)start
  private double mean;
  private double sum;

  public PageHinkley(PageHinkleyConfig config) {
    this.config = config;
    reset();
  }

  /** Page-Hinkley with MOA's defaults ({@link PageHinkleyConfig#ofDefaults()}). */
  public static PageHinkley ofDefaults() {
    return new PageHinkley(PageHinkleyConfig.ofDefaults());
  }

  public PageHinkleyConfig config() {
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
    sum = config.alpha() * sum + (x - mean - config.delta());
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

  /** The Page-Hinkley statistic {@code S_t} after the last item (0 before any item). */
  public double statistic() {
    return sum;
  }

  /** Number of items at which a change was flagged since construction or the last reset. */
  public long detections() {
    return detections;
  }

  @Override
  public String toString() {
    return "PageHinkley[statistic=" + sum + ", mean=" + estimate() + ", count=" + count + "]";
  }
}
