package io.vgac.calibration.recalibration;

import java.util.Objects;

/**
 * Online Platt scaling (Gupta &amp; Ramdas 2023, "Online Platt Scaling with Calibeating"): learns
 * {@code q = σ(a·logit(p) + b)} from a stream by the Online Newton Step (Hazan, Agarwal &amp; Kale 2007) on the log
 * loss. For each labelled example, with {@code θ = (a, b)} and {@code x = logit(p)} (clipped at 1e-12):
 *
 * <pre>
 *   ∇ = (σ(a·x + b) − y)·(x, 1)
 *   A ← A + ∇∇ᵀ                      (A₀ = εI)
 *   θ ← Π_A(θ − (1/γ)·A⁻¹∇)          (Π_A: projection onto ‖θ‖₂ ≤ D in the norm ‖v‖_A = √(vᵀAv))
 * </pre>
 *
 * <p>The projection is the generalised one of ONS: when the Newton step leaves the ball, the point of the ball
 * closest in the {@code A}-norm is found through the eigen-decomposition of the 2×2 matrix and a bisection on the
 * Lagrange multiplier. The 2×2 inverse is written out; {@link #update(double, int)} allocates nothing.
 *
 * <p>Not thread-safe: a learner is meant to be fed by one thread. {@link #snapshot()} returns an immutable
 * {@link OnlinePlattCalibrator} to share; {@link #state()} and {@link #resume(OnlinePlattConfig, OnlinePlattState)}
 * store and restore the learner.
 */
public final class OnlinePlattScaling {
  private final OnlinePlattConfig config;
  private double a;
  private double b;
  private double a11;
  private double a12;
  private double a22;
  private long updates;

  /** A fresh learner at the configured initial parameters. */
  public OnlinePlattScaling(OnlinePlattConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.a = config.initialA();
    this.b = config.initialB();
    this.a11 = config.epsilon();
    this.a12 = 0.0;
    this.a22 = config.epsilon();
  }

  /** A fresh learner with {@link OnlinePlattConfig#ofDefaults()}. */
  public static OnlinePlattScaling create() {
    return new OnlinePlattScaling(OnlinePlattConfig.ofDefaults());
  }

  /** A learner continuing from a stored state; the parameters must lie within the configured radius. */
  public static OnlinePlattScaling resume(OnlinePlattConfig config, OnlinePlattState state) {
    OnlinePlattScaling learner = new OnlinePlattScaling(config);
    double norm = Math.hypot(state.a(), state.b());
    if (norm > config.radius()) {
      throw new IllegalArgumentException(
          "state ‖(a, b)‖ must be ≤ radius " + config.radius() + " but was " + norm);
    }
    learner.a = state.a();
    learner.b = state.b();
    learner.a11 = state.a11();
    learner.a12 = state.a12();
    learner.a22 = state.a22();
    learner.updates = state.updates();
    return learner;
  }

  public OnlinePlattConfig config() {
    return config;
  }

  /** The calibrated probability under the current parameters. */
  public double calibrate(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("Not a probability: " + p);
    }
    return LogOdds.sigmoid(a * LogOdds.logit(p) + b);
  }

  /**
   * Learns from one labelled example and returns the forecast made for it <em>before</em> learning (the online
   * prediction, whose running log loss is the online loss).
   */
  public double update(double p, int y) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("Not a probability: " + p + " at update " + updates);
    }
    if (y != 0 && y != 1) {
      throw new IllegalArgumentException("Not a 0/1 label: " + y + " at update " + updates);
    }
    double x = LogOdds.logit(p);
    double q = LogOdds.sigmoid(a * x + b);
    double r = q - y;
    double g1 = r * x;
    double g2 = r;
    a11 += g1 * g1;
    a12 += g1 * g2;
    a22 += g2 * g2;
    double det = a11 * a22 - a12 * a12;
    double scale = 1.0 / (config.gamma() * det);
    // A⁻¹ = [[a22, −a12], [−a12, a11]] / det
    double na = a - scale * (a22 * g1 - a12 * g2);
    double nb = b - scale * (a11 * g2 - a12 * g1);
    double radius = config.radius();
    if (na * na + nb * nb > radius * radius) {
      project(na, nb, radius);
    } else {
      a = na;
      b = nb;
    }
    updates++;
    return q;
  }

  /**
   * Sets {@code (a, b)} to {@code argmin ‖θ − v‖_A} over {@code ‖θ‖ ≤ radius} for {@code v = (va, vb)} outside the
   * ball. With {@code A = Q·diag(μ)·Qᵀ}, the minimiser is {@code θ(λ) = (A + λI)⁻¹·A·v} for the {@code λ > 0} at
   * which {@code ‖θ(λ)‖ = radius}; {@code ‖θ(λ)‖} decreases in {@code λ}, so bisection finds it.
   */
  void project(double va, double vb, double radius) { // package-private for a test
    double half = 0.5 * (a11 - a22);
    double delta = Math.sqrt(half * half + a12 * a12);
    double mean = 0.5 * (a11 + a22);
    double mu1 = mean + delta;
    double mu2 = Math.max(mean - delta, Double.MIN_NORMAL);
    // Unit eigenvector (c, s) of mu1; (−s, c) belongs to mu2.
    double c;
    double s;
    if (a12 != 0) {
      c = mu1 - a22;
      s = a12;
      double norm = Math.hypot(c, s);
      c /= norm;
      s /= norm;
    } else if (a11 >= a22) {
      c = 1;
      s = 0;
    } else {
      c = 0;
      s = 1;
    }
    double z1 = c * va + s * vb;
    double z2 = -s * va + c * vb;
    double lo = 0;
    double hi = mu1 * Math.hypot(va, vb) / radius; // ‖θ(hi)‖ ≤ mu1·‖v‖/hi = radius
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      double t1 = mu1 * z1 / (mu1 + mid);
      double t2 = mu2 * z2 / (mu2 + mid);
      if (t1 * t1 + t2 * t2 > radius * radius) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double t1 = mu1 * z1 / (mu1 + hi);
    double t2 = mu2 * z2 / (mu2 + hi);
    double na = c * t1 - s * t2;
    double nb = s * t1 + c * t2;
    double norm = Math.hypot(na, nb);
    if (norm > radius) { // rounding only
      na *= radius / norm;
      nb *= radius / norm;
    }
    a = na;
    b = nb;
  }

  /** Number of labelled updates so far. */
  public long updates() {
    return updates;
  }

  /** The current parameters as an immutable calibrator. */
  public OnlinePlattCalibrator snapshot() {
    return new OnlinePlattCalibrator(a, b, updates);
  }

  /** The complete learner state, for storage. */
  public OnlinePlattState state() {
    return new OnlinePlattState(a, b, a11, a12, a22, updates);
  }
}
