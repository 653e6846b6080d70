package io.vgac.agents.intervals;

import io.vgac.agents.model.WaitInterval;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.calibration.Interval;
import io.vgac.calibration.conformal.CoverageTracker;
import io.vgac.calibration.conformal.TwoSidedAdaptiveConformal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Online prediction intervals per environment with late labels: one {@link TwoSidedAdaptiveConformal} per
 * environment (conformal PID control on signed log-residuals; why not plain ACI is said there). {@link #issue} gives a
 * submitted job the band of the environment's current offsets around its point estimate and remembers them;
 * {@link #outcome}, when the job starts and its wait is known, scores the wait against the band the job was given
 * ({@link TwoSidedAdaptiveConformal#observe}) and records covered/missed in the environment's
 * {@link CoverageTracker}. A pending job is never scored before its outcome arrives, and never twice.
 *
 * <p>A new environment's controller starts from {@code seedResiduals} (the model's signed calibration residuals,
 * usually), so its first jobs get a band from the training trace; without them the first job of an environment gets
 * no interval (UNBOUNDED, not counted in the realised coverage: there was no interval to cover).
 *
 * <p>Bad input is skipped and counted per environment ({@link IntervalCoverage#skips()}), never changing α, the
 * scores or the coverage: a negative/NaN/infinite wait or point, an event earlier than the environment's latest
 * (clock going backwards), an outcome for an unknown job, a duplicate outcome or a duplicate issue. Thread-safe (one
 * lock per environment).
 */
public final class IntervalController {
  private final IntervalControllerConfig config;
  private final double[] seedResiduals;
  private final ConcurrentHashMap<String, Env> envs = new ConcurrentHashMap<>();

  /**
   * @param seedResiduals signed log-residuals each new environment's window starts with (finite; the newest
   *     {@code scoreWindow} are kept); may be empty
   * @throws IllegalArgumentException naming the first bad seed residual
   */
  public IntervalController(IntervalControllerConfig config, double[] seedResiduals) {
    this.config = config;
    this.seedResiduals = seedResiduals.clone();
    newBand(); // validates the residuals
  }

  private TwoSidedAdaptiveConformal newBand() {
    return new TwoSidedAdaptiveConformal(1 - config.coverage(), config.eta(), config.scoreWindow(), seedResiduals);
  }

  public static IntervalController ofDefaults() {
    return new IntervalController(IntervalControllerConfig.ofDefaults(), new double[0]);
  }

  public IntervalControllerConfig config() {
    return config;
  }

  private record Issued(double point, double lower, double upper, Instant at, double median) {}

  private final class Env {
    final String id;
    final TwoSidedAdaptiveConformal band = newBand();
    final CoverageTracker coverage = new CoverageTracker(config.coverageWindow(), config.coverageLevel());
    final LinkedHashMap<String, Issued> pending = new LinkedHashMap<>();
    final LinkedHashSet<String> done = new LinkedHashSet<>();
    final EnumMap<IntervalOutcome, Long> skips = new EnumMap<>(IntervalOutcome.class);
    @Nullable Instant latest;

    Env(String id) {
      this.id = id;
    }

    IntervalOutcome skip(IntervalOutcome reason) {
      skips.merge(reason, 1L, Long::sum);
      return reason;
    }

    boolean backwards(Instant at) {
      if (latest != null && at.isBefore(latest)) {
        return true;
      }
      latest = at;
      return false;
    }
  }

  private Env env(String envId) {
    return envs.computeIfAbsent(envId, Env::new);
  }

  /**
   * The result of {@link #issue}.
   *
   * @param outcome ISSUED or the skip reason
   * @param interval the band in seconds when ISSUED and bounded
   * @param medianSeconds the environment's median-corrected point estimate {@code expm1(log1p(point) + median
   *     residual)} clipped into the interval (the point itself without one); NaN unless ISSUED
   */
  public record Issue(IntervalOutcome outcome, Optional<WaitInterval> interval, double medianSeconds) {
    static Issue skipped(IntervalOutcome reason) {
      return new Issue(reason, Optional.empty(), Double.NaN);
    }
  }

  /**
   * Gives job {@code jobId} of {@code envId}, predicted to wait {@code pointSeconds}, the current interval.
   *
   * @return ISSUED with the interval (empty while the radius is unbounded), or a skip reason
   */
  public Issue issue(String envId, String jobId, double pointSeconds, Instant at) {
    Env e = env(envId);
    synchronized (e) {
      if (!(pointSeconds >= 0) || pointSeconds == Double.POSITIVE_INFINITY) {
        return Issue.skipped(e.skip(IntervalOutcome.BAD_POINT));
      }
      if (e.pending.containsKey(jobId) || e.done.contains(jobId)) {
        return Issue.skipped(e.skip(IntervalOutcome.DUPLICATE));
      }
      if (e.backwards(at)) {
        return Issue.skipped(e.skip(IntervalOutcome.CLOCK_BACKWARDS));
      }
      double lo = e.band.lowerOffset();
      double hi = e.band.upperOffset();
      if (e.pending.size() >= config.maxPending()) {
        Iterator<String> oldest = e.pending.keySet().iterator();
        oldest.next();
        oldest.remove(); // its outcome will be an UNKNOWN_JOB skip
      }
      Optional<WaitInterval> interval = toWaitInterval(pointSeconds, lo, hi);
      double median = pointSeconds;
      if (interval.isPresent()) {
        double m = Math.expm1(Math.max(0, Math.log1p(pointSeconds) + e.band.medianOffset()));
        median = Math.min(interval.get().hi(), Math.max(interval.get().lo(), m));
      }
      e.pending.put(jobId, new Issued(pointSeconds, lo, hi, at, median));
      return new Issue(IntervalOutcome.ISSUED, interval, median);
    }
  }

  /** The interval the job was given, if it is pending with a finite one. */
  public Optional<WaitInterval> pendingInterval(String envId, String jobId) {
    Env e = envs.get(envId);
    if (e == null) {
      return Optional.empty();
    }
    synchronized (e) {
      Issued i = e.pending.get(jobId);
      return i == null ? Optional.empty() : toWaitInterval(i.point, i.lower, i.upper);
    }
  }

  /**
   * {@code p} with the median and interval job {@code p.jobId()} was issued at submission, when it is pending with a
   * finite band; {@code p} unchanged otherwise (the probability is always the model's).
   */
  public WaitPrediction issued(String envId, WaitPrediction p) {
    Env e = envs.get(envId);
    if (e == null) {
      return p;
    }
    synchronized (e) {
      Issued i = e.pending.get(p.jobId());
      Optional<WaitInterval> w = i == null ? Optional.empty() : toWaitInterval(i.point, i.lower, i.upper);
      if (w.isEmpty()) {
        return p;
      }
      return new WaitPrediction(p.jobId(), p.probabilityLongWait(),
          Duration.ofNanos(Math.round(Math.min(i.median, 9e9) * 1e9)), p.confidence(), p.modelVersion(), w.get());
    }
  }

  /**
   * Scores the outcome of a pending job: its true wait, known at {@code at} (when it started).
   *
   * @return COVERED / MISSED / UNBOUNDED, or a skip reason
   */
  public IntervalOutcome outcome(String envId, String jobId, double waitSeconds, Instant at) {
    Env e = env(envId);
    synchronized (e) {
      if (!e.pending.containsKey(jobId)) {
        return e.skip(e.done.contains(jobId) ? IntervalOutcome.DUPLICATE : IntervalOutcome.UNKNOWN_JOB);
      }
      if (!(waitSeconds >= 0) || waitSeconds == Double.POSITIVE_INFINITY) {
        return e.skip(IntervalOutcome.BAD_WAIT);
      }
      Issued i = e.pending.get(jobId);
      if (at.isBefore(i.at) || e.backwards(at)) {
        return e.skip(IntervalOutcome.CLOCK_BACKWARDS);
      }
      e.pending.remove(jobId);
      if (config.rememberedOutcomes() > 0) {
        if (e.done.size() >= config.rememberedOutcomes()) {
          Iterator<String> oldest = e.done.iterator();
          oldest.next();
          oldest.remove();
        }
        e.done.add(jobId);
      }
      double residual = Math.log1p(waitSeconds) - Math.log1p(i.point);
      boolean covered = e.band.observe(residual, i.lower, i.upper);
      if (i.upper == Double.POSITIVE_INFINITY) {
        return IntervalOutcome.UNBOUNDED;
      }
      e.coverage.record(covered);
      return covered ? IntervalOutcome.COVERED : IntervalOutcome.MISSED;
    }
  }

  /** The interval evidence of {@code envId}; an unknown environment has no outcomes (NaN coverage). */
  public IntervalCoverage coverage(String envId) {
    Env e = envs.get(envId);
    if (e == null) {
      Env fresh = new Env(envId);
      return snapshot(fresh);
    }
    synchronized (e) {
      return snapshot(e);
    }
  }

  private IntervalCoverage snapshot(Env e) {
    Interval ci = e.coverage.cumulativeInterval();
    return new IntervalCoverage(e.id, config.nominal(), e.coverage.cumulativeCoverage(), ci,
        e.coverage.windowCoverage(), e.coverage.total(), e.pending.size(), e.band.lowerOffset(),
        e.band.upperOffset(), e.band.missRateGap(), e.skips);
  }

  /** Environments seen, in no particular order. */
  public java.util.Set<String> environments() {
    return java.util.Set.copyOf(envs.keySet());
  }

  /**
   * {@code [expm1(max(0, log1p(point) + lower)), expm1(log1p(point) + upper)]}; a crossed band ({@code upper <
   * lower}, possible for a moment after a run of misses on both sides) is shown as the point's nearest end.
   */
  private Optional<WaitInterval> toWaitInterval(double point, double lower, double upper) {
    if (upper == Double.POSITIVE_INFINITY || lower == Double.NEGATIVE_INFINITY) {
      return Optional.empty();
    }
    double c = Math.log1p(point);
    double lo = Math.expm1(Math.max(0, c + lower));
    double hi = Math.expm1(Math.max(0, c + upper));
    if (hi < lo) {
      double mid = Math.expm1(Math.max(0, c + (lower + upper) / 2));
      lo = mid;
      hi = mid;
    }
    return Double.isFinite(hi) ? Optional.of(new WaitInterval(lo, hi, config.nominal())) : Optional.empty();
  }

  @Override
  public String toString() {
    return "IntervalController[" + envs.size() + " environments, seed " + seedResiduals.length
        + " residuals, nominal " + config.nominal() + ", eta " + config.eta() + "]";
  }
}
