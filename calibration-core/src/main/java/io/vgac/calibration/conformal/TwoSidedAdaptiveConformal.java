package io.vgac.calibration.conformal;

import java.util.Arrays;

/**
 * Online two-sided conformal bands for waits whose labels arrive late: conformal PID control (Angelopoulos, Candès
 * &amp; Tibshirani 2023, "Conformal PID Control for Time Series Prediction") on signed log-residuals
 * {@code s = log(1 + actual) − log(1 + predicted)}. Each side is the empirical quantile of the last {@code window}
 * residuals (the "scorecaster", at {@code α* / 2} and {@code 1 − α* / 2}) plus an integrator updated on that side's
 * misses:
 *
 * <pre>
 *   hi_t = Q_{1−α* / 2}(window) + I⁺_t,   I⁺_{t+1} = I⁺_t + η(miss⁺_t − α* / 2)     (miss⁺: s &gt; hi)
 *   lo_t = Q_{α* / 2}(window)   − I⁻_t,   I⁻_{t+1} = I⁻_t + η(miss⁻_t − α* / 2)     (miss⁻: s &lt; lo)
 * </pre>
 *
 * Summing the updates gives, for any sequence of residuals and any delays, {@code misses⁺ − (α* / 2)T = (I⁺_{T+1} −
 * I⁺_1)/η} (and the same below), so the average miss is {@code α* + (ΔI⁺ + ΔI⁻)/(ηT)} exactly;
 * {@link #missRateGap()} reports that right-hand side.
 *
 * <p>Why this and not {@link AdaptiveConformal} for waits: ACI's α_t leaves [0,1] after a burst of late misses (a
 * backlog of long waits starts at once), and below 0 its radius is infinite — every interval then "covers", which
 * keeps the bound but gives useless intervals and a realised coverage of finite intervals far below nominal. Here
 * the band never becomes infinite: the window quantile follows the spread of recent residuals, the integrators
 * absorb what the window misses (the late labels of long waits are missing from it). Two sides instead of a
 * symmetric radius: a model biased on a new cluster (predicting hours for pods that start at once) gets a shifted
 * band, not one wide enough to reach both ends.
 *
 * <p>Bounded memory ({@code window} residuals), O(window) per update, O(1) per band. Not thread-safe.
 */
public final class TwoSidedAdaptiveConformal {
  /** The default integrator step η, in log(1 + seconds) per outcome. */
  public static final double DEFAULT_ETA = 0.05;
  /** The default residual window. */
  public static final int DEFAULT_WINDOW = 1000;

  private final double targetMiss;
  private final double eta;
  private final double[] ring;
  private final double[] sorted;
  private int head;
  private int size;
  private double upper; // I⁺
  private double lower; // I⁻
  private long updates;
  private long missesAbove;
  private long missesBelow;

  /**
   * @param targetMiss α*, in (0,1)
   * @param eta the integrators' step, finite and &gt; 0
   * @param window residuals kept, ≥ 2
   * @param seed residuals the window starts with (oldest first; the newest {@code window} are kept), each finite
   * @throws IllegalArgumentException naming the bad argument
   */
  public TwoSidedAdaptiveConformal(double targetMiss, double eta, int window, double[] seed) {
    SplitConformal.checkMissRate("targetMiss", targetMiss);
    if (!(eta > 0) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("eta must be a finite number > 0 but was " + eta);
    }
    if (window < 2) {
      throw new IllegalArgumentException("window must be ≥ 2 but was " + window);
    }
    this.targetMiss = targetMiss;
    this.eta = eta;
    this.ring = new double[window];
    this.sorted = new double[window];
    for (int i = 0; i < seed.length; i++) {
      if (!Double.isFinite(seed[i])) {
        throw new IllegalArgumentException("seed residual must be finite but was " + seed[i] + " at index " + i);
      }
    }
    for (int i = Math.max(0, seed.length - window); i < seed.length; i++) {
      push(seed[i]);
    }
  }

  public double targetMiss() {
    return targetMiss;
  }

  public double eta() {
    return eta;
  }

  /** The nominal coverage {@code 1 − α*}. */
  public double coverage() {
    return 1 - targetMiss;
  }

  /** Whether a band can be given (at least one residual seen or seeded). */
  public boolean ready() {
    return size > 0;
  }

  /** The upper offset {@code hi_t} in log(1 + seconds); {@code +∞} before the first residual. */
  public double upperOffset() {
    return size == 0 ? Double.POSITIVE_INFINITY : quantile(1 - targetMiss / 2) + upper;
  }

  /** The lower offset {@code lo_t} in log(1 + seconds); {@code −∞} before the first residual. */
  public double lowerOffset() {
    return size == 0 ? Double.NEGATIVE_INFINITY : quantile(targetMiss / 2) - lower;
  }

  /**
   * The window's median residual: the offset that makes a biased point estimate the environment's median again
   * ({@code 0} before the first residual).
   */
  public double medianOffset() {
    return size == 0 ? 0 : quantile(0.5);
  }

  /**
   * Learns from one outcome with signed log-residual {@code residual} whose job was given the band
   * {@code [issuedLower, issuedUpper]} (late labels). Returns whether it was covered.
   *
   * @throws IllegalArgumentException when the residual is not finite or an offset is NaN
   */
  public boolean observe(double residual, double issuedLower, double issuedUpper) {
    if (!Double.isFinite(residual)) {
      throw new IllegalArgumentException("residual must be finite but was " + residual + " at update " + updates);
    }
    if (Double.isNaN(issuedLower) || Double.isNaN(issuedUpper)) {
      throw new IllegalArgumentException("issued offsets must be numbers but were " + issuedLower + ", "
          + issuedUpper + " at update " + updates);
    }
    boolean above = residual > issuedUpper;
    boolean below = residual < issuedLower;
    upper += eta * ((above ? 1 : 0) - targetMiss / 2);
    lower += eta * ((below ? 1 : 0) - targetMiss / 2);
    updates++;
    missesAbove += above ? 1 : 0;
    missesBelow += below ? 1 : 0;
    push(residual);
    return !above && !below;
  }

  /** Outcomes seen. */
  public long updates() {
    return updates;
  }

  /** Outcomes above / below their band. */
  public long missesAbove() {
    return missesAbove;
  }

  public long missesBelow() {
    return missesBelow;
  }

  /** {@code (missesAbove + missesBelow)/updates}; NaN before the first outcome (an outcome missing both sides of a
   * crossed band counts twice). */
  public double missRate() {
    return updates == 0 ? Double.NaN : (double) (missesAbove + missesBelow) / updates;
  }

  /** {@code missRate() − α*} from the integrators' identity {@code (I⁺ + I⁻)/(ηT)}; NaN before the first outcome. */
  public double missRateGap() {
    return updates == 0 ? Double.NaN : (upper + lower) / (eta * updates);
  }

  /** Residuals in the window. */
  public int windowSize() {
    return size;
  }

  private double quantile(double q) {
    int k = (int) Math.ceil(q * size) - 1;
    return sorted[Math.min(size - 1, Math.max(0, k))];
  }

  private void push(double x) {
    if (size == ring.length) {
      double oldest = ring[head];
      ring[head] = x;
      head = (head + 1) % ring.length;
      int at = Arrays.binarySearch(sorted, 0, size, oldest);
      System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
      size--;
    } else {
      ring[(head + size) % ring.length] = x;
    }
    int at = Arrays.binarySearch(sorted, 0, size, x);
    if (at < 0) {
      at = -at - 1;
    }
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = x;
    size++;
  }

  @Override
  public String toString() {
    return "TwoSidedAdaptiveConformal[target=" + targetMiss + ", eta=" + eta + ", window=" + size + "/"
        + ring.length + ", updates=" + updates + ", misses=" + missesAbove + "+" + missesBelow + "]";
  }
}
