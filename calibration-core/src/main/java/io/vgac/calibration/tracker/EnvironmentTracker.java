package io.vgac.calibration.tracker;

import io.vgac.calibration.Interval;
import io.vgac.calibration.Probability;
import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.drift.Adwin;
import io.vgac.calibration.drift.CalibrationAlarm;
import io.vgac.calibration.drift.CalibrationEDetector;
import io.vgac.calibration.drift.DriftDirection;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.drift.EceRatioRule;
import io.vgac.calibration.drift.PageHinkley;
import io.vgac.calibration.drift.PopulationStabilityIndex;
import io.vgac.calibration.drift.PsiBand;
import io.vgac.calibration.drift.PsiResult;
import io.vgac.calibration.metrics.CalibrationAccumulator;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.recalibration.Calibrator;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Calibration tracking for one environment (an EKS, Slurm or Batch cluster, a partition…).
 *
 * <p><b>What it keeps</b> (bounded memory): a sliding window of the last N outcomes (optionally also bounded by
 * age, using the injected millisecond clock) whose ECE is maintained incrementally in O(1) per update; a cumulative
 * {@link CalibrationAccumulator}; the calibration e-detector, ADWIN on the residual {@code y − p}, Page-Hinkley on
 * the absolute error {@code |y − p|}, and the design's ECE-ratio rule on the window; and the autonomy
 * {@link TrackerState} machine with hysteresis. The bootstrap interval, the noise floor and PSI are computed only on
 * demand in {@link #state()} and cached until the next change; {@link #evidence()} reads everything a
 * per-action decision needs in O(1).
 *
 * <p><b>Hysteresis.</b> A drift alarm (e-detector alarm, or the window's ratio above the recalibration edge 2.0
 * while the window holds at least {@code ratioMinSamples} rows) moves the environment to DRIFTING: scope at most
 * NOTIFY (ESCALATE after a CRITICAL ratio) and {@code recalibrationRequired}. Autonomy returns only after (a) a
 * recalibration is recorded ({@link #recalibrated}; it clears the window, whose rows describe the replaced
 * calibrator, and restarts every detector), (b) at least {@code minFreshLabels} fresh labels with the restarted
 * e-detector quiet, and (c) the ECE upper bound over those fresh labels within the AUTONOMOUS limit (checked when
 * (b) first holds and then every {@code recoveryCheckEvery} labels; the bootstrap runs under the lock then).
 * The tracker applies no calibrator itself: it records which one is active.
 *
 * <p><b>Scope.</b> The policy's scope from the window score, treated as learning while the lifetime count is
 * below the policy's minimum <em>or</em> the window holds fewer rows than that minimum (e.g. just after a
 * recalibration), then capped by {@link TrackerState#cap}.
 *
 * <p><b>Thread safety.</b> Every method takes one lock per tracker (a plain monitor): simple, and uncontended in the
 * usual one-writer-per-environment case. Inputs are validated before the lock is taken, so a bad update changes
 * nothing. Listener callbacks run under the lock; their exceptions are dropped.
 */
public final class EnvironmentTracker {
  private static final long NO_AGE_LIMIT = Long.MAX_VALUE;

  private final String envId;
  private final TrackerConfig config;
  private final LongSupplier clock;
  private final TrackerListener listener;
  private final Object lock = new Object();
  private final long maxAgeMillis;
  private final SlidingWindow window;
  private final CalibrationAccumulator cumulative;
  private final CalibrationEDetector eDetector;
  private final Adwin adwin;
  private final PageHinkley pageHinkley;
  private final AutonomyPolicy policy;
  private final double significantEdge; // ratio edges × (1 + tolerance), as EceRatioRule decides them
  private final double criticalEdge;
  private final double stableEdge; // the top of the NONE band (1.5)
  private final int ratioMinSamples;

  private long sampleCount;
  private double baselineEce;
  private boolean baselineSet;
  private boolean eAlarmLatched;
  private boolean ratioExcursion;
  private long ratioExcursions;
  private TrackerState state = TrackerState.LEARNING;
  private boolean criticalSinceAlarm;
  private long freshLabels;
  private double recoveryEceUpper = Double.NaN;
  private String calibratorMethod = EnvironmentState.NO_CALIBRATOR;
  private long calibratorVersion;
  private final ArrayDeque<StateTransition> transitions = new ArrayDeque<>();
  private double @Nullable [] psiReference;
  private long lastUpdateMillis;
  private boolean updated;

  private long modCount;
  private @Nullable EnvironmentState cachedState;
  private long cachedStateAt = -1;
  private @Nullable EceBound cachedBound;
  private long cachedBoundAt = -1;

  /**
   * A new tracker in learning mode.
   *
   * @param clock epoch milliseconds (e.g. {@code System::currentTimeMillis}; a fake in tests)
   */
  public EnvironmentTracker(String envId, TrackerConfig config, LongSupplier clock, TrackerListener listener) {
    if (envId.isBlank()) {
      throw new IllegalArgumentException("envId must not be blank but was '" + envId + "'");
    }
    this.envId = envId;
    this.config = config;
    this.clock = clock;
    this.listener = listener;
    this.maxAgeMillis = config.maxAge().map(d -> d.toMillis()).orElse(NO_AGE_LIMIT);
    this.window = new SlidingWindow(config.windowSize(), config.bins(), maxAgeMillis != NO_AGE_LIMIT);
    this.cumulative = new CalibrationAccumulator(Binning.uniform(config.bins()));
    this.eDetector = new CalibrationEDetector(config.eDetector());
    this.adwin = new Adwin(config.adwin());
    this.pageHinkley = new PageHinkley(config.pageHinkley());
    this.policy = config.autonomyPolicy();
    EceRatioRule rule = config.ratioRule();
    this.significantEdge = rule.significantAbove() * (1 + rule.relativeTolerance());
    this.criticalEdge = rule.criticalAbove() * (1 + rule.relativeTolerance());
    this.stableEdge = rule.moderateAbove() * (1 + rule.relativeTolerance());
    this.ratioMinSamples = config.effectiveRatioMinSamples();
    this.baselineEce = config.baselineEce();
    this.baselineSet = !config.baselineFromFirstWindow();
  }

  /** A tracker with the system clock and no listener. */
  public EnvironmentTracker(String envId, TrackerConfig config) {
    this(envId, config, System::currentTimeMillis, TrackerListener.NONE);
  }

  public String envId() {
    return envId;
  }

  public TrackerConfig config() {
    return config;
  }

  /**
   * Records one prediction and its outcome. O(1) and allocation-free once the window is full (except when an alarm
   * or transition is reported, or while RECOVERING on a check).
   *
   * @throws IllegalArgumentException "Not a probability: …" or "Not a 0/1 label: …"; the state is unchanged
   */
  public void update(double p, int y) {
    update(p, y, clock.getAsLong());
  }

  /**
   * Records one prediction and its outcome observed at {@code eventTimeMillis} (epoch ms) — the event's own time,
   * e.g. the job's start when replaying a trace; it also skips a clock read (≈ 24 ns on the benchmark VM). Times
   * should not run backwards; age eviction uses them as given.
   *
   * @throws IllegalArgumentException "Not a probability: …" or "Not a 0/1 label: …"; the state is unchanged
   */
  public void update(double p, int y, long eventTimeMillis) {
    Probability.check(p);
    Probability.checkLabel(y);
    synchronized (lock) {
      updateLocked(p + 0.0, y, eventTimeMillis);
    }
  }

  private void updateLocked(double p, int y, long now) {
    if (maxAgeMillis != NO_AGE_LIMIT) {
      window.evictBefore(now - maxAgeMillis);
    }
    long index = sampleCount;
    window.add(p, y, now);
    cumulative.accept(p, y);
    sampleCount++;
    freshLabels++;
    lastUpdateMillis = now;
    updated = true;
    modCount++;

    boolean drift = false;
    if (eDetector.update(p, y) && !eAlarmLatched) {
      eAlarmLatched = true;
      drift = true;
      CalibrationAlarm a = eDetector.alarm().orElseThrow();
      emit(new DetectorAlarm(envId, DetectorKind.CALIBRATION_EPROCESS, a.direction(), a.statistic(), index, now));
    }
    double residual = y - p;
    double adwinBefore = adwin.estimate();
    if (adwin.update(residual)) {
      double change = adwin.estimate() - adwinBefore;
      DriftDirection d = change > 0 ? DriftDirection.UNDER : change < 0 ? DriftDirection.OVER : DriftDirection.UNKNOWN;
      emit(new DetectorAlarm(envId, DetectorKind.ADWIN, d, change, index, now));
    }
    if (pageHinkley.update(Math.abs(residual))) {
      emit(new DetectorAlarm(
          envId, DetectorKind.PAGE_HINKLEY, DriftDirection.UNKNOWN, pageHinkley.statistic(), index, now));
    }

    boolean critical = false;
    if (!baselineSet && window.isFull()) {
      double first = window.ece();
      baselineEce = first > 0 ? first : config.ratioRule().defaultBaseline();
      baselineSet = true;
    }
    if (baselineSet && window.size() >= ratioMinSamples) {
      double ece = window.ece();
      if (ece > significantEdge * baselineEce) {
        critical = config.ratioAlarms() && ece > criticalEdge * baselineEce;
        if (!ratioExcursion) {
          ratioExcursion = true;
          ratioExcursions++;
          drift |= config.ratioAlarms();
          emit(new DetectorAlarm(envId, DetectorKind.ECE_RATIO, windowDirection(), ece / baselineEce, index, now));
        }
      } else if (ece <= stableEdge * baselineEce) {
        ratioExcursion = false; // an excursion ends only back in the stable band, so a ratio hovering at 2.0 alarms once
      }
    }

    switch (state) {
      case LEARNING:
        if (drift) {
          driftDetected(critical, now);
        } else if (!policy.isLearning(sampleCount)) {
          fire(TransitionTrigger.LEARNING_COMPLETE, now);
        }
        break;
      case CALIBRATED:
        if (drift) {
          driftDetected(critical, now);
        }
        break;
      case DRIFTING:
        criticalSinceAlarm |= critical;
        break;
      case RECALIBRATING:
        if (drift) {
          driftDetected(critical, now);
        } else if (freshLabels >= config.minFreshLabels() && !eAlarmLatched) {
          fire(TransitionTrigger.FRESH_LABELS_QUIET, now);
          checkRecovery(now);
        }
        break;
      case RECOVERING:
        if (drift) {
          driftDetected(critical, now);
        } else if ((freshLabels - config.minFreshLabels()) % config.recoveryCheckEvery() == 0) {
          checkRecovery(now);
        }
        break;
      default:
        throw new AssertionError(state);
    }
  }

  private void driftDetected(boolean critical, long now) {
    criticalSinceAlarm = critical;
    fire(TransitionTrigger.DRIFT_DETECTED, now);
  }

  /** Condition (c): the fresh labels' ECE upper bound within the AUTONOMOUS limit. */
  private void checkRecovery(long now) {
    EceBound bound = computeBound(recoverySeed());
    recoveryEceUpper = bound.upper();
    if (policy.scopeForEce(bound.upper(), sampleCount) == Scope.AUTONOMOUS) {
      fire(TransitionTrigger.UPPER_BOUND_WITHIN_LIMIT, now);
    }
  }

  private long recoverySeed() {
    long z = config.seed() + sampleCount * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private void fire(TransitionTrigger trigger, long now) {
    TrackerState to = state.next(trigger);
    if (to == null) {
      return;
    }
    StateTransition t = new StateTransition(state, to, trigger, sampleCount, now);
    state = to;
    if (transitions.size() == config.maxTransitions()) {
      transitions.removeFirst();
    }
    transitions.addLast(t);
    try {
      listener.onTransition(envId, t);
    } catch (RuntimeException ignored) {
      // A listener never changes the tracker's state or a decision.
    }
  }

  private void emit(DetectorAlarm alarm) {
    try {
      listener.onAlarm(alarm);
    } catch (RuntimeException ignored) {
      // A listener never changes the tracker's state or a decision.
    }
  }

  /** Over when most of the window's bins predict too high, under when too low, spread otherwise. */
  private DriftDirection windowDirection() {
    if (window.size() == 0) {
      return DriftDirection.UNKNOWN;
    }
    if (window.directionalShare() >= 0.5) {
      return window.meanSignedError() > 0 ? DriftDirection.OVER : DriftDirection.UNDER;
    }
    return DriftDirection.SPREAD;
  }

  /** Records a recalibration with the next version number; returns that version. */
  public long recalibrated(String method) {
    synchronized (lock) {
      return recalibratedLocked(method, calibratorVersion + 1);
    }
  }

  /** Records that {@code calibrator} became active, with the next version number; returns that version. */
  public long recalibrated(Calibrator calibrator) {
    return recalibrated(calibrator.method());
  }

  /**
   * Records a recalibration with an explicit version, which must be greater than the current one.
   *
   * @throws IllegalArgumentException for a blank method or a version not above the current one
   */
  public long recalibrated(String method, long version) {
    synchronized (lock) {
      if (version <= calibratorVersion) {
        throw new IllegalArgumentException(
            "version must be > " + calibratorVersion + " (the active calibrator's) but was " + version);
      }
      return recalibratedLocked(method, version);
    }
  }

  private long recalibratedLocked(String method, long version) {
    if (method.isBlank()) {
      throw new IllegalArgumentException("method must not be blank but was '" + method + "'");
    }
    long now = clock.getAsLong();
    calibratorMethod = method;
    calibratorVersion = version;
    // The window's rows were scored by the replaced calibrator; the fresh stream starts now.
    window.clear();
    eDetector.reset();
    adwin.reset();
    pageHinkley.reset();
    eAlarmLatched = false;
    ratioExcursion = false;
    freshLabels = 0;
    recoveryEceUpper = Double.NaN;
    modCount++;
    fire(TransitionTrigger.RECALIBRATED, now);
    return version;
  }

  /** Uses the window's current scores as the PSI reference. */
  public void captureReference() {
    synchronized (lock) {
      psiReference = window.probabilities();
      modCount++;
    }
  }

  /**
   * Uses {@code scores} as the PSI reference.
   *
   * @throws IllegalArgumentException naming the first score that is not a probability
   */
  public void setReference(double[] scores) {
    for (int i = 0; i < scores.length; i++) {
      Probability.check(scores[i], i);
    }
    double[] copy = scores.clone();
    synchronized (lock) {
      psiReference = copy;
      modCount++;
    }
  }

  /** The scope an agent has here now (O(1); see the class comment). */
  public Scope scope() {
    synchronized (lock) {
      evictExpired();
      return scopeLocked();
    }
  }

  /** The qualified tier in the configured mode (the upper bound is computed, then cached, when needed). */
  public int qualifiedTier() {
    synchronized (lock) {
      evictExpired();
      double ece = window.ece();
      if (config.qualificationMode() == QualificationMode.POINT) {
        return config.tierPolicy().qualifiedTier(ece);
      }
      return config.tierPolicy().qualifiedTier(boundLocked().upper());
    }
  }

  public long sampleCount() {
    synchronized (lock) {
      return sampleCount;
    }
  }

  public TrackerState machineState() {
    synchronized (lock) {
      return state;
    }
  }

  /**
   * The baseline ECE the ratio rule compares the window with (as in {@link EnvironmentState#baselineEce()}); NaN
   * until it is set. O(1), for callers that need it without {@link #state()}'s bootstrap.
   */
  public double baselineEce() {
    synchronized (lock) {
      return baselineSet ? baselineEce : Double.NaN;
    }
  }

  /** Everything about this environment now; computed on demand and cached until the next change. */
  public EnvironmentState state() {
    synchronized (lock) {
      evictExpired();
      EnvironmentState s = cachedState;
      if (s != null && cachedStateAt == modCount) {
        return s;
      }
      s = computeState();
      cachedState = s;
      cachedStateAt = modCount;
      return s;
    }
  }

  /**
   * The decision-relevant part of {@link #state()} in O(1), without computing a bootstrap, a noise floor or PSI
   * (see {@link EnvironmentEvidence}); cheap enough to read before every action. The ECE bound is included only
   * when it is already known for the current window (or is analytic, O(bins)).
   */
  public EnvironmentEvidence evidence() {
    synchronized (lock) {
      evictExpired();
      double ece = window.ece();
      double score = policy.calibrationScore(ece);
      boolean learning = policy.isLearning(sampleCount);
      Scope scope = scopeLocked();
      EceBound bound = knownBoundLocked();
      double upper = bound == null ? Double.NaN : bound.upper();
      TierQualification tier = TierQualification.of(config.tierPolicy(), ece, upper, config.qualificationMode());
      DriftSeverity drift =
          window.size() > 0 && baselineSet ? config.ratioRule().severity(ece, baselineEce) : null;
      return new EnvironmentEvidence(
          envId,
          sampleCount,
          window.size(),
          learning,
          ece,
          score,
          scope,
          tier,
          bound,
          drift,
          state,
          state == TrackerState.DRIFTING,
          updated ? Instant.ofEpochMilli(lastUpdateMillis) : null,
          analyticIntervalLocked(ece));
    }
  }

  /** The window ECE's analytic two-sided interval at coverage 2·level − 1; O(bins), no allocation but the record. */
  private Interval analyticIntervalLocked(double ece) {
    double coverage = 2 * config.upperBoundLevel() - 1;
    if (window.size() == 0) {
      return Interval.undefined(coverage);
    }
    double slack = window.analyticSlack(coverage);
    return new Interval(Math.max(0, ece - slack), ece + slack, coverage);
  }

  /** The window's bound when known without a bootstrap: cached for the current window, analytic, or empty. */
  private @Nullable EceBound knownBoundLocked() {
    EceBound b = cachedBound;
    if (b != null && cachedBoundAt == modCount) {
      return b;
    }
    if (window.size() == 0 || config.upperBoundMethod() == UpperBoundMethod.ANALYTIC) {
      return boundLocked();
    }
    return null;
  }

  private void evictExpired() {
    if (maxAgeMillis != NO_AGE_LIMIT && window.evictBefore(clock.getAsLong() - maxAgeMillis) > 0) {
      modCount++;
    }
  }

  private Scope scopeLocked() {
    double score = policy.calibrationScore(window.ece());
    boolean learning = policy.isLearning(sampleCount) || window.size() < policy.minSamples();
    return policy.scope(score, sampleCount, learning).min(state.cap(criticalSinceAlarm));
  }

  private EceBound boundLocked() {
    EceBound b = cachedBound;
    if (b != null && cachedBoundAt == modCount) {
      return b;
    }
    b = computeBound(config.seed());
    cachedBound = b;
    cachedBoundAt = modCount;
    return b;
  }

  private EceBound computeBound(long seed) {
    double level = config.upperBoundLevel();
    if (window.size() == 0) {
      return EceBound.undefined(level, config.upperBoundMethod());
    }
    double ece = window.ece();
    if (config.upperBoundMethod() == UpperBoundMethod.ANALYTIC) {
      double upper = ece + window.analyticSlack(level);
      return new EceBound(
          ece, upper, new io.vgac.calibration.Interval(ece, upper, level), level, UpperBoundMethod.ANALYTIC,
          window.size());
    }
    EceBound b =
        EceBounds.bootstrap(
            window.probabilities(), window.labels(), config.bins(), config.bootstrapResamples(), seed, level);
    // Report the incrementally maintained point estimate, the one every decision uses (equal up to 1e-12).
    return new EceBound(ece, Math.max(b.upper(), ece), b.interval(), level, b.method(), b.n());
  }

  private EnvironmentState computeState() {
    double ece = window.ece();
    EceBound bound = boundLocked();
    double score = policy.calibrationScore(ece);
    boolean learning = policy.isLearning(sampleCount);
    boolean scoreLearning = learning || window.size() < policy.minSamples();
    Scope policyScope = policy.scope(score, sampleCount, scoreLearning);
    Scope scope = policyScope.min(state.cap(criticalSinceAlarm));
    TierQualification tier =
        TierQualification.of(config.tierPolicy(), ece, bound.upper(), config.qualificationMode());
    double[] scores = window.probabilities();
    DriftCheck drift = null;
    if (window.size() > 0 && baselineSet) {
      EceNoiseFloor noise = EceNoise.of(scores, config.bins(), config.noiseResamples(), config.seed());
      drift = DriftCheck.of(config.ratioRule(), ece, baselineEce, noise);
    }
    CalibrationAlarm alarm = eDetector.alarm().orElse(null);
    EDetectorReading e =
        new EDetectorReading(
            eDetector.statistic(),
            eDetector.threshold(),
            eDetector.count(),
            alarm,
            alarm == null ? DriftDirection.UNKNOWN : alarm.direction());
    double[] ref = psiReference;
    PsiResult psi =
        ref == null
            ? new PsiResult(Double.NaN, PsiBand.INSUFFICIENT_DATA, 0, scores.length)
            : new PopulationStabilityIndex(config.psi()).compute(ref, scores);
    return new EnvironmentState(
        envId,
        sampleCount,
        window.size(),
        learning,
        ece,
        bound,
        cumulative.count() == 0 ? Double.NaN : cumulative.snapshot().ece(),
        baselineSet ? baselineEce : Double.NaN,
        score,
        scope,
        policyScope,
        tier,
        drift,
        windowDirection(),
        e,
        new AdwinReading(adwin.width(), adwin.estimate(), adwin.detections()),
        new PageHinkleyReading(pageHinkley.statistic(), pageHinkley.estimate(), pageHinkley.detections()),
        psi,
        state,
        state == TrackerState.DRIFTING,
        freshLabels,
        recoveryEceUpper,
        calibratorMethod,
        calibratorVersion,
        ratioExcursions,
        new ArrayList<>(transitions),
        updated ? Instant.ofEpochMilli(lastUpdateMillis) : null);
  }

  /** Approximate retained heap bytes of this tracker (buffers, detectors, accumulator). */
  public long approximateBytes() {
    synchronized (lock) {
      long b = window.bytes();
      b += 16L * 10 * config.bins() + 200; // accumulator sums and compensations
      b += 8L * 5 * 4 * config.eDetector().bets().size() + 100; // e-CUSUMs
      b += 8L * 2 * 6 * 8 + 200; // ADWIN rows
      b += 400; // object headers and scalar fields
      if (psiReference != null) {
        b += 16 + 8L * psiReference.length;
      }
      return b;
    }
  }

  /** The tracker's complete state as a plain value. */
  public TrackerSnapshot snapshot() {
    synchronized (lock) {
      return new TrackerSnapshot(
          envId,
          sampleCount,
          window.probabilities(),
          window.labels(),
          window.times(),
          baselineEce,
          baselineSet,
          cumulative.state(),
          eDetector.state(),
          eAlarmLatched,
          adwin.state(),
          pageHinkley.state(),
          state.name(),
          criticalSinceAlarm,
          ratioExcursion,
          ratioExcursions,
          freshLabels,
          Double.isNaN(recoveryEceUpper) ? null : recoveryEceUpper,
          calibratorMethod,
          calibratorVersion,
          new ArrayList<>(transitions),
          psiReference == null ? new double[0] : psiReference.clone(),
          updated ? lastUpdateMillis : null);
    }
  }

  /**
   * A tracker holding {@code snapshot}'s state. Validates every field against itself and {@code config} first.
   *
   * @throws IllegalArgumentException naming the environment and the offending field
   */
  public static EnvironmentTracker restore(
      TrackerSnapshot snapshot, TrackerConfig config, LongSupplier clock, TrackerListener listener) {
    String id = snapshot.envId();
    if (id.isBlank()) {
      throw new IllegalArgumentException("envId must not be blank but was '" + id + "'");
    }
    String at = "environments[" + id + "].";
    try {
      return restoreChecked(snapshot, config, clock, listener);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + e.getMessage(), e);
    }
  }

  private static EnvironmentTracker restoreChecked(
      TrackerSnapshot s, TrackerConfig config, LongSupplier clock, TrackerListener listener) {
    long n = s.sampleCount();
    if (n < 0) {
      throw new IllegalArgumentException("sampleCount must be ≥ 0 but was " + n);
    }
    double[] p = s.windowP();
    int[] y = s.windowY();
    long[] times = s.windowTimes();
    if (p.length != y.length) {
      throw new IllegalArgumentException(
          "windowY must hold as many labels as windowP (" + p.length + ") but held " + y.length);
    }
    if (p.length > config.windowSize()) {
      throw new IllegalArgumentException("windowP holds " + p.length
          + " rows, larger than the window capacity " + config.windowSize());
    }
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("windowP[" + i + "] must be a probability in [0,1] but was " + p[i]);
      }
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException("windowY[" + i + "] must be 0 or 1 but was " + y[i]);
      }
    }
    boolean timed = config.maxAge().isPresent();
    if (timed ? times.length != p.length : times.length != 0) {
      throw new IllegalArgumentException("windowTimes must hold " + (timed ? p.length : 0)
          + " values (" + (timed ? "one per row" : "no max age configured") + ") but held " + times.length);
    }
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) {
        throw new IllegalArgumentException("windowTimes must not decrease but windowTimes[" + i + "] = "
            + times[i] + " < " + times[i - 1]);
      }
    }
    long fresh = s.freshLabels();
    if (!(fresh >= 0 && fresh <= n)) {
      throw new IllegalArgumentException("freshLabels must be in [0, " + n + "] but was " + fresh);
    }
    if (p.length > fresh) {
      throw new IllegalArgumentException(
          "windowP holds " + p.length + " rows, more than freshLabels (" + fresh + ")");
    }
    if (s.baselineSet() && !(s.baselineEce() > 0 && s.baselineEce() <= 1)) {
      throw new IllegalArgumentException("baselineEce must be in (0,1] but was " + s.baselineEce());
    }
    if (!s.baselineSet() && !config.baselineFromFirstWindow()) {
      throw new IllegalArgumentException("baselineSet must be true when the baseline is configured");
    }
    if (s.cumulative().n() != n) {
      throw new IllegalArgumentException(
          "cumulative.n must equal sampleCount (" + n + ") but was " + s.cumulative().n());
    }
    if (s.eDetector().count() != fresh || s.adwin().time() != fresh || s.pageHinkley().count() != fresh) {
      throw new IllegalArgumentException("eDetector.count, adwin.time and pageHinkley.count must equal freshLabels ("
          + fresh + ") but were " + s.eDetector().count() + ", " + s.adwin().time() + ", "
          + s.pageHinkley().count());
    }
    if (s.eAlarmLatched() != (s.eDetector().alarm() != null)) {
      throw new IllegalArgumentException(
          "eAlarmLatched must be " + (s.eDetector().alarm() != null) + " (whether eDetector.alarm is set)");
    }
    TrackerState machine;
    try {
      machine = TrackerState.valueOf(s.machineState());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("machineState must be one of " + java.util.Arrays.toString(
          TrackerState.values()) + " but was '" + s.machineState() + "'", e);
    }
    if (s.ratioExcursions() < 0) {
      throw new IllegalArgumentException("ratioExcursions must be ≥ 0 but was " + s.ratioExcursions());
    }
    Double upper = s.recoveryEceUpper();
    if (upper != null && !(upper >= 0 && upper <= 1)) {
      throw new IllegalArgumentException("recoveryEceUpper must be in [0,1] or null but was " + upper);
    }
    if (s.calibratorMethod().isBlank()) {
      throw new IllegalArgumentException("calibratorMethod must not be blank");
    }
    if (s.calibratorVersion() < 0) {
      throw new IllegalArgumentException("calibratorVersion must be ≥ 0 but was " + s.calibratorVersion());
    }
    List<StateTransition> ts = s.transitions();
    if (ts.size() > config.maxTransitions()) {
      throw new IllegalArgumentException(
          "transitions must hold at most " + config.maxTransitions() + " entries but held " + ts.size());
    }
    for (int i = 0; i < ts.size(); i++) {
      StateTransition t = ts.get(i);
      if (t.from().next(t.trigger()) != t.to()) {
        throw new IllegalArgumentException("transitions[" + i + "] is not in the transition table: " + t);
      }
      if (t.sampleCount() < 0 || t.sampleCount() > n) {
        throw new IllegalArgumentException(
            "transitions[" + i + "].sampleCount must be in [0, " + n + "] but was " + t.sampleCount());
      }
    }
    if (!ts.isEmpty() && ts.get(ts.size() - 1).to() != machine) {
      throw new IllegalArgumentException("machineState must be the last transition's target "
          + ts.get(ts.size() - 1).to() + " but was " + machine);
    }
    double[] ref = s.psiReference();
    for (int i = 0; i < ref.length; i++) {
      if (!(ref[i] >= 0 && ref[i] <= 1)) {
        throw new IllegalArgumentException("psiReference[" + i + "] must be in [0,1] but was " + ref[i]);
      }
    }
    Long last = s.lastUpdateMillis();
    if ((last == null) != (n == 0)) {
      throw new IllegalArgumentException("lastUpdateMillis must be null exactly when sampleCount is 0");
    }

    EnvironmentTracker t = new EnvironmentTracker(s.envId(), config, clock, listener);
    restoreDetector("cumulative.", () -> t.cumulative.restore(s.cumulative()));
    restoreDetector("eDetector.", () -> t.eDetector.restore(s.eDetector()));
    restoreDetector("adwin.", () -> t.adwin.restore(s.adwin()));
    restoreDetector("pageHinkley.", () -> t.pageHinkley.restore(s.pageHinkley()));
    for (int i = 0; i < p.length; i++) {
      t.window.add(p[i] + 0.0, y[i], timed ? times[i] : 0L);
    }
    t.sampleCount = n;
    t.baselineEce = s.baselineEce();
    t.baselineSet = s.baselineSet();
    t.eAlarmLatched = s.eAlarmLatched();
    t.ratioExcursion = s.ratioExcursion();
    t.ratioExcursions = s.ratioExcursions();
    t.state = machine;
    t.criticalSinceAlarm = s.criticalSinceAlarm();
    t.freshLabels = fresh;
    t.recoveryEceUpper = upper == null ? Double.NaN : upper;
    t.calibratorMethod = s.calibratorMethod();
    t.calibratorVersion = s.calibratorVersion();
    t.transitions.addAll(ts);
    t.psiReference = ref.length == 0 ? null : ref;
    t.updated = last != null;
    t.lastUpdateMillis = last == null ? 0 : last;
    return t;
  }

  private static void restoreDetector(String field, Runnable restore) {
    try {
      restore.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "EnvironmentTracker[" + envId + ", samples=" + sampleCount + ", window=" + window.size() + ", state="
          + state + ", calibrator=" + calibratorMethod + " v" + calibratorVersion + "]";
    }
  }
}
