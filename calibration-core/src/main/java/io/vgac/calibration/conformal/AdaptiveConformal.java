package io.vgac.calibration.conformal;

import io.vgac.calibration.Interval;
import java.util.Arrays;
import java.util.Objects;

/**
 * Adaptive conformal inference (Gibbs &amp; Candès 2021, "Adaptive Conformal Inference Under Distribution Shift"):
 * online control of the miss rate of conformal intervals whatever the data do. The radius at time t is the
 * split-conformal quantile ({@link SplitConformal#rank}) of the last {@code window} scores at level {@code 1 − α_t};
 * after each outcome
 *
 * <pre>
 *   α_{t+1} = α_t + γ(α* − miss_t)
 * </pre>
 *
 * so a miss widens the next intervals and a cover narrows them. For {@code α_t ≤ 0} the radius is {@code +∞} (always
 * covers) and for {@code α_t ≥ 1} it is {@code −∞} (the empty set, always misses), which keeps α_t in
 * {@code [−γ, 1 + γ]}; summing the updates then gives, for <em>any</em> sequence of scores,
 *
 * <pre>
 *   average miss − α* = (α₁ − α_{T+1}) / (γT),   so   |average miss − α*| ≤ (max(α₁, 1 − α₁) + γ) / (γT).
 * </pre>
 *
 * {@link #missRateGap()} is that exact left-hand side and {@link AdaptiveConformalConfig#missRateBound} the bound.
 *
 * <p>Why ACI and not a stronger variant: the guarantee above is deterministic and needs nothing about the scores,
 * which is what an agent reporting "coverage within ±2 points" needs to stand on; the windowed quantile makes the step
 * scale-free (the radius follows the spread of recent residuals, while a quantile tracker such as conformal PID
 * control needs its learning rate tuned to the score scale); DtACI's expert aggregation over several γ adds state and
 * tuning for gains on fast-changing shifts that job waits, labelled late, cannot exploit. The price is a fixed γ.
 *
 * <p>Late labels: a wait is known only when the job starts, after other jobs were given intervals. Use
 * {@link #observe(double, double)} with the radius the job was actually given; the identity above still holds
 * exactly (it only sums the updates), and α_t then stays within {@code [−γ(d + 1), 1 + γ(d + 1)]} for outcomes
 * delayed by at most {@code d} updates.
 *
 * <p>Bounded memory ({@code window} scores), O(window) per update, O(1) per radius. Not thread-safe: feed one
 * controller from one thread (per environment). {@link #state()} / {@link #resume} store and restore it exactly.
 */
public final class AdaptiveConformal {
  private final AdaptiveConformalConfig config;
  private final double[] ring; // window scores in arrival order
  private final double[] sorted; // the same scores, ascending, in sorted[0, size)
  private int head; // index of the oldest score in ring
  private int size;
  private double alpha;
  private long updates;
  private long misses;

  public AdaptiveConformal(AdaptiveConformalConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.ring = new double[config.window()];
    this.sorted = new double[config.window()];
    this.alpha = config.initialAlpha();
  }

  public static AdaptiveConformal ofDefaults() {
    return new AdaptiveConformal(AdaptiveConformalConfig.ofDefaults());
  }

  /**
   * A controller continuing from {@code state}; when the state holds more scores than the window, the oldest are
   * dropped.
   */
  public static AdaptiveConformal resume(AdaptiveConformalConfig config, AdaptiveConformalState state) {
    AdaptiveConformal c = new AdaptiveConformal(config);
    double[] scores = state.scores();
    for (int i = Math.max(0, scores.length - config.window()); i < scores.length; i++) {
      c.push(scores[i]);
    }
    c.alpha = state.alpha();
    c.updates = state.updates();
    c.misses = state.misses();
    return c;
  }

  public AdaptiveConformalConfig config() {
    return config;
  }

  /** α_t, the miss rate the next radius is the quantile for. */
  public double alpha() {
    return alpha;
  }

  /**
   * The radius to give the next job: the conformal quantile of the window at {@code 1 − α_t}; {@code +∞} while the
   * window is too small for that level (or {@code α_t ≤ 0}), {@code −∞} when {@code α_t ≥ 1}.
   */
  public double radius() {
    long k = SplitConformal.rank(size, alpha);
    if (k > size) {
      return Double.POSITIVE_INFINITY;
    }
    return k <= 0 ? Double.NEGATIVE_INFINITY : sorted[(int) k - 1];
  }

  /** The interval in seconds to give a job predicted to wait {@code pointSeconds}, at nominal coverage 1 − α*. */
  public Interval interval(double pointSeconds) {
    return WaitIntervals.around(pointSeconds, radius(), config.coverage());
  }

  /**
   * Learns from one outcome judged against the current radius (labels that arrive before the next job is given an
   * interval). Returns whether it was covered.
   *
   * @throws IllegalArgumentException when {@code score} is negative, NaN or infinite
   */
  public boolean observe(double score) {
    return observe(score, radius());
  }

  /**
   * Learns from one outcome whose job was given {@code issuedRadius} (late labels). A score covers when
   * {@code score ≤ issuedRadius}. Returns whether it was covered.
   *
   * @throws IllegalArgumentException when {@code score} is negative, NaN or infinite, or {@code issuedRadius} is NaN
   */
  public boolean observe(double score, double issuedRadius) {
    SplitConformal.checkScore(score, updates);
    if (Double.isNaN(issuedRadius)) {
      throw new IllegalArgumentException("issuedRadius must be a number (±∞ allowed) but was NaN at update "
          + updates);
    }
    boolean covered = score <= issuedRadius;
    alpha += config.gamma() * (config.targetMiss() - (covered ? 0 : 1));
    updates++;
    if (!covered) {
      misses++;
    }
    push(score);
    return covered;
  }

  /** Outcomes seen. */
  public long updates() {
    return updates;
  }

  /** Outcomes that missed their interval. */
  public long misses() {
    return misses;
  }

  /** The long-run miss rate {@code misses/updates}; NaN before the first outcome. */
  public double missRate() {
    return updates == 0 ? Double.NaN : (double) misses / updates;
  }

  /**
   * {@code missRate() − α*}, computed from the controller's own identity {@code (α₁ − α_{T+1})/(γT)} (equal up to
   * rounding); NaN before the first outcome.
   */
  public double missRateGap() {
    return updates == 0 ? Double.NaN : (config.initialAlpha() - alpha) / (config.gamma() * updates);
  }

  /** Scores in the window. */
  public int windowSize() {
    return size;
  }

  public AdaptiveConformalState state() {
    double[] scores = new double[size];
    for (int i = 0; i < size; i++) {
      scores[i] = ring[(head + i) % ring.length];
    }
    return new AdaptiveConformalState(alpha, scores, updates, misses);
  }

  private void push(double score) {
    if (size == ring.length) {
      double oldest = ring[head];
      ring[head] = score;
      head = (head + 1) % ring.length;
      int at = Arrays.binarySearch(sorted, 0, size, oldest);
      System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
      size--;
    } else {
      ring[(head + size) % ring.length] = score;
    }
    int at = Arrays.binarySearch(sorted, 0, size, score);
    if (at < 0) {
      at = -at - 1;
    }
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = score;
    size++;
  }

  @Override
  public String toString() {
    return "AdaptiveConformal[alpha=" + alpha + ", target=" + config.targetMiss() + ", window=" + size + "/"
        + ring.length + ", updates=" + updates + ", misses=" + misses + "]";
  }
}
