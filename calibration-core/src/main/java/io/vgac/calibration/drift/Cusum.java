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
public final class Cusum extends RestartingMeanShiftDetector {
  private final CusumConfig config;

  public Cusum(CusumConfig config) {
    super(config.minInstances(), config.lambda());
    this.config = config;
  }

  /** CUSUM with MOA's defaults ({@link CusumConfig#ofDefaults()}). */
  public static Cusum ofDefaults() {
    return new Cusum(CusumConfig.ofDefaults());
  }

  public CusumConfig config() {
    return config;
  }

  @Override
  double nextSum(double sum, double x, double mean) {
    return Math.max(0, sum + x - mean - config.delta());
  }
}
