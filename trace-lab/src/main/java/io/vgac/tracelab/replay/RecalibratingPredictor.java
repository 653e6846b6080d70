package io.vgac.tracelab.replay;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.LogisticWaitPredictor;
import io.vgac.agents.spi.WaitTimePredictor;
import io.vgac.calibration.recalibration.CalibrationMethod;
import io.vgac.calibration.recalibration.Calibrator;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The built-in predictor plus a per-environment calibrator that an operator refits when the agents ask for it:
 * {@link #observe} keeps each environment's last {@code window} (raw p, label) pairs, {@link #refit} fits
 * {@code method} on them. Until an environment's first refit its probabilities are the model's own. The model
 * itself never changes. Thread-safe per environment (the replay drives one environment at a time).
 */
public final class RecalibratingPredictor implements WaitTimePredictor {
  private final LogisticWaitPredictor base;
  private final CalibrationMethod method;
  private final int window;
  private final ConcurrentHashMap<String, Calibrator> calibrators = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, History> history = new ConcurrentHashMap<>();

  private static final class History {
    final double[] p;
    final int[] y;
    long count;

    History(int n) {
      p = new double[n];
      y = new int[n];
    }
  }

  /**
   * @param window labelled jobs kept per environment for a refit (≥ 2)
   */
  public RecalibratingPredictor(LogisticWaitPredictor base, CalibrationMethod method, int window) {
    if (window < 2) {
      throw new IllegalArgumentException("window must be ≥ 2 but was " + window);
    }
    this.base = base;
    this.method = method;
    this.window = window;
  }

  public LogisticWaitPredictor base() {
    return base;
  }

  /** The model's own probability, before any calibrator. */
  public double rawProbability(Job job, ClusterState state) {
    return base.probability(job, state);
  }

  @Override
  public WaitPrediction predict(Job job, ClusterState state) {
    WaitPrediction raw = base.predict(job, state);
    Calibrator c = calibrators.get(job.clusterId());
    if (c == null) {
      return raw;
    }
    double p = Math.min(1, Math.max(0, c.calibrate(raw.probabilityLongWait())));
    // a model with a wait regression estimates the wait itself (the refit recalibrates p only)
    boolean regression = base.model().waitRegression() != null;
    return new WaitPrediction(raw.jobId(), p, regression ? raw.estimatedWait() : base.estimatedWait(p),
        Math.max(p, 1 - p), raw.modelVersion() + "+" + c.method(), raw.interval());
  }

  /** Records a labelled outcome of {@code env} with the model's raw probability. */
  public void observe(String env, double rawP, int label) {
    History h = history.computeIfAbsent(env, k -> new History(window));
    int i = (int) (h.count % window);
    h.p[i] = rawP;
    h.y[i] = label;
    h.count++;
  }

  /** Labelled outcomes of {@code env} available for a refit (at most the window). */
  public int available(String env) {
    History h = history.get(env);
    return h == null ? 0 : (int) Math.min(h.count, window);
  }

  /**
   * Fits a calibrator on {@code env}'s recent outcomes and applies it from the next prediction on.
   *
   * @return the calibrator, or null when fewer than {@code minSamples} outcomes are available
   */
  public @Nullable Calibrator refit(String env, int minSamples) {
    int n = available(env);
    if (n < Math.max(2, minSamples)) {
      return null;
    }
    History h = history.get(env);
    Calibrator c = method.fit(Arrays.copyOf(h.p, n), Arrays.copyOf(h.y, n));
    calibrators.put(env, c);
    return c;
  }

  /** The active calibrator of {@code env}, or null before its first refit. */
  public @Nullable Calibrator calibrator(String env) {
    return calibrators.get(env);
  }
}
