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
public final class PageHinkley extends RestartingMeanShiftDetector {
  private final PageHinkleyConfig config;

  public PageHinkley(PageHinkleyConfig config) {
    super(config.minInstances(), config.lambda());
    this.config = config;
  }

  /** Page-Hinkley with MOA's defaults ({@link PageHinkleyConfig#ofDefaults()}). */
  public static PageHinkley ofDefaults() {
    return new PageHinkley(PageHinkleyConfig.ofDefaults());
  }

  public PageHinkleyConfig config() {
    return config;
  }

  @Override
  double nextSum(double sum, double x, double mean) {
    return config.alpha() * sum + (x - mean - config.delta());
  }

  /** The complete mutable state, for persistence; {@link #restore} makes a detector continue identically. */
  public PageHinkleyState state() {
    return new PageHinkleyState(count, detections, changeDetected, counter, mean, sum);
  }

  /**
   * Replaces this detector's state with {@code state}. Validates first and changes nothing on failure.
   *
   * @throws IllegalArgumentException naming the inconsistent field
   */
  public void restore(PageHinkleyState state) {
    if (state.count() < 0) {
      throw new IllegalArgumentException("count must be ≥ 0 but was " + state.count());
    }
    if (!(state.detections() >= 0 && state.detections() <= state.count())) {
      throw new IllegalArgumentException(
          "detections must be in [0, " + state.count() + "] but was " + state.detections());
    }
    if (!(state.counter() >= 1 && state.counter() <= state.count() + 1)) {
      throw new IllegalArgumentException(
          "counter must be in [1, " + (state.count() + 1) + "] but was " + state.counter());
    }
    if (!Double.isFinite(state.mean()) || !Double.isFinite(state.sum())) {
      throw new IllegalArgumentException(
          "mean and sum must be finite but were " + state.mean() + " and " + state.sum());
    }
    count = state.count();
    detections = state.detections();
    changeDetected = state.changeDetected();
    counter = state.counter();
    mean = state.mean();
    sum = state.sum();
  }
}
