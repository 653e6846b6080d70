package io.vgac.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.vgac.agents.Agents;
import io.vgac.agents.gate.ActionGate;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.gate.GateState;
import io.vgac.agents.workflow.PredictionStatus;
import io.vgac.agents.workflow.RecalibrationRequest;
import io.vgac.agents.workflow.StartResult;
import io.vgac.agents.workflow.SubmissionResult;
import io.vgac.agents.workflow.WorkflowListener;
import io.vgac.calibration.tracker.EnvironmentEvidence;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The agents' metrics for Micrometer: a {@link MeterBinder} that is also the agents' {@link WorkflowListener}.
 *
 * <pre>{@code
 * VgacMetrics metrics = new VgacMetrics();
 * Agents agents = Agents.builder().listener(metrics).build();
 * metrics.monitor(agents).bindTo(registry);
 * }</pre>
 *
 * <table>
 *   <caption>Meters (Micrometer name → Prometheus name; every meter is tagged {@code environment})</caption>
 *   <tr><th>Micrometer</th><th>Prometheus</th><th>type, extra tags</th><th>value</th></tr>
 *   <tr><td>{@value #ROLLING_ECE}</td><td>{@code vgac_rolling_ece}</td><td>gauge</td><td>the tracker's window ECE;
 *       NaN while the window is empty</td></tr>
 *   <tr><td>{@value #CALIBRATION_SCORE}</td><td>{@code vgac_calibration_score}</td><td>gauge</td><td>clamp(1 −
 *       5·ECE, 0, 1) of the window; NaN while it is empty</td></tr>
 *   <tr><td>{@value #TIER_QUALIFIED}</td><td>{@code vgac_tier_qualified}</td><td>gauge, {@code tier} = 1…max</td>
 *       <td>1 when the environment qualifies for that tier (tier ≤ qualified tier), else 0; NaN in UPPER_BOUND
 *       qualification mode while the bound is not known without a bootstrap (never computed by a scrape)</td></tr>
 *   <tr><td>{@value #GATE_STATE}</td><td>{@code vgac_gate_state}</td><td>gauge, {@code state} = each
 *       {@link GateState}</td><td>1 for the environment's current gate state, 0 for the others</td></tr>
 *   <tr><td>{@value #TIER_EMITTED}</td><td>{@code vgac_tier_emitted_total}</td><td>counter, {@code tier} =
 *       0…max</td><td>predictions made, by emitted tier (0: no tier emitted); submissions without a prediction are
 *       not counted</td></tr>
 *   <tr><td>{@value #RECALIBRATION_TRIGGERED}</td><td>{@code vgac_recalibration_triggered_total}</td>
 *       <td>counter</td><td>recalibration requests (one per drift excursion)</td></tr>
 *   <tr><td>{@value #DECISIONS}</td><td>{@code vgac_decisions_total}</td><td>counter, {@code scope} (autonomous,
 *       notify, escalate), {@code decision} (executed, executed_and_notified, escalated, denied: the decision
 *       log's names)</td><td>gate decisions, from the workflow, the tools and approved actions</td></tr>
 * </table>
 *
 * Micrometer names are dotted; Prometheus' naming convention turns the dots into underscores and appends
 * {@code _total} to counters, which gives exactly the names in the second column (checked by the tests against
 * the Prometheus registry).
 *
 * <p><b>Environments.</b> An environment's meters are registered the first time this object hears of it (any
 * listener call), and at {@link #bindTo} for every environment the monitored trackers already have;
 * {@link #refreshEnvironments()} registers those the workflow never reported (e.g. trackers updated directly).
 *
 * <p><b>Nothing is kept alive.</b> The gauges read the trackers and the gate through weak references (Micrometer's
 * default, and this object's own references are weak too): metrics never keep an {@code Agents} alive; once it is
 * collected its gauges read NaN. Counters are this object's own adders, so counts made before {@link #bindTo} are
 * kept, and one instance may be bound to several registries.
 *
 * <p><b>Never in the way.</b> The listener methods only increment adders (and register an environment's meters the
 * first time); the agents call them guarded, so even a failing registry cannot change a decision. Thread-safe.
 */
public final class VgacMetrics implements MeterBinder, WorkflowListener {
  /** Gauge: the window ECE. */
  public static final String ROLLING_ECE = "vgac.rolling.ece";
  /** Gauge: the calibration score of the window. */
  public static final String CALIBRATION_SCORE = "vgac.calibration.score";
  /** Gauge per tier: 1 when qualified. */
  public static final String TIER_QUALIFIED = "vgac.tier.qualified";
  /** Gauge per gate state: 1 for the current one. */
  public static final String GATE_STATE = "vgac.gate.state";
  /** Counter per emitted tier. */
  public static final String TIER_EMITTED = "vgac.tier.emitted";
  /** Counter of recalibration requests. */
  public static final String RECALIBRATION_TRIGGERED = "vgac.recalibration.triggered";
  /** Counter of gate decisions by scope and decision. */
  public static final String DECISIONS = "vgac.decisions";

  /** Tag names. */
  public static final String ENVIRONMENT = "environment";
  public static final String TIER = "tier";
  public static final String STATE = "state";
  public static final String SCOPE = "scope";
  public static final String DECISION = "decision";

  private final Tags commonTags;
  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private final Set<String> environments = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<CounterKey, LongAdder> counters = new ConcurrentHashMap<>();
  private volatile @Nullable WeakReference<EnvironmentTrackers> trackers;
  private volatile @Nullable WeakReference<ActionGate> gate;

  /** One counter series: meter name and its tags after {@code environment}. */
  private record CounterKey(String name, String env, Tags tags) {}

  /** Metrics without extra tags. */
  public VgacMetrics() {
    this(Tags.empty());
  }

  /** Metrics with {@code commonTags} on every meter (e.g. the replica). */
  public VgacMetrics(Iterable<io.micrometer.core.instrument.Tag> commonTags) {
    this.commonTags = Tags.of(commonTags);
  }

  /**
   * Reads the gauges from {@code agents}' trackers and gate (held weakly). Call once, after building the agents
   * with this object as their listener; returns this.
   */
  public VgacMetrics monitor(Agents agents) {
    return monitor(agents.trackers(), agents.gate());
  }

  /** Reads the gauges from {@code trackers} and {@code gate} (both held weakly); returns this. */
  public VgacMetrics monitor(EnvironmentTrackers trackers, ActionGate gate) {
    this.trackers = new WeakReference<>(trackers);
    this.gate = new WeakReference<>(gate);
    for (MeterRegistry r : registries) {
      for (String env : environments) {
        registerGauges(r, env, trackers);
      }
    }
    refreshEnvironments();
    return this;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.add(registry);
    counters.forEach((k, adder) -> registerCounter(registry, k, adder));
    EnvironmentTrackers t = trackers();
    if (t != null) {
      for (String env : environments) {
        registerGauges(registry, env, t);
      }
    }
    refreshEnvironments();
  }

  /** Registers the meters of every environment the monitored trackers have and this object has not yet seen. */
  public void refreshEnvironments() {
    EnvironmentTrackers t = trackers();
    if (t != null) {
      for (String env : t.environments()) {
        seen(env);
      }
    }
  }

  /** The environments this object has meters for, in no particular order. */
  public Set<String> environments() {
    return Set.copyOf(environments);
  }

  // ---------------------------------------------------------------- WorkflowListener

  @Override
  public void onDecision(GateDecision decision) {
    String env = decision.envId();
    seen(env);
    count(DECISIONS, env, Tags.of(SCOPE, lower(decision.scope().name()), DECISION, decision.decision().wireName()));
  }

  @Override
  public void onSubmission(SubmissionResult result) {
    seen(result.clusterId());
    if (result.predictionStatus() == PredictionStatus.PREDICTED) {
      count(TIER_EMITTED, result.clusterId(), Tags.of(TIER, Integer.toString(result.emittedTier())));
    }
  }

  @Override
  public void onStart(StartResult result) {
    seen(result.clusterId());
  }

  @Override
  public void onRecalibrationRequest(RecalibrationRequest request) {
    seen(request.clusterId());
    count(RECALIBRATION_TRIGGERED, request.clusterId(), Tags.empty());
  }

  // ---------------------------------------------------------------- registration

  private void count(String name, String env, Tags tags) {
    CounterKey key = new CounterKey(name, env, tags);
    LongAdder adder = counters.get(key);
    if (adder == null) {
      LongAdder fresh = new LongAdder();
      adder = counters.putIfAbsent(key, fresh);
      if (adder == null) {
        adder = fresh;
        for (MeterRegistry r : registries) {
          registerCounter(r, key, fresh);
        }
      }
    }
    adder.increment();
  }

  private void registerCounter(MeterRegistry registry, CounterKey key, LongAdder adder) {
    // the adder is held strongly by this object's map, so the meter's weak reference always resolves
    FunctionCounter.builder(key.name(), adder, LongAdder::doubleValue)
        .description(description(key.name()))
        .tags(commonTags)
        .tag(ENVIRONMENT, key.env())
        .tags(key.tags())
        .register(registry);
  }

  private void seen(String env) {
    if (!environments.add(env)) {
      return;
    }
    EnvironmentTrackers t = trackers();
    if (t == null) {
      return;
    }
    for (MeterRegistry r : registries) {
      registerGauges(r, env, t);
    }
  }

  private void registerGauges(MeterRegistry registry, String env, EnvironmentTrackers t) {
    environments.add(env);
    Tags tags = commonTags.and(ENVIRONMENT, env);
    // the lambdas capture only the environment id: the trackers and the gate are the meters' weakly held objects
    Gauge.builder(ROLLING_ECE, t, x -> x.evidence(env).windowEce())
        .description(description(ROLLING_ECE)).tags(tags).register(registry);
    Gauge.builder(CALIBRATION_SCORE, t, x -> score(x.evidence(env)))
        .description(description(CALIBRATION_SCORE)).tags(tags).register(registry);
    int maxTier = t.config().tierPolicy().maxTier();
    for (int k = 1; k <= maxTier; k++) {
      int tier = k;
      Gauge.builder(TIER_QUALIFIED, t, x -> qualifies(x.evidence(env), tier))
          .description(description(TIER_QUALIFIED)).tags(tags).tag(TIER, Integer.toString(k)).register(registry);
    }
    ActionGate g = gate();
    if (g != null) {
      for (GateState s : GateState.values()) {
        Gauge.builder(GATE_STATE, g, x -> x.state(env) == s ? 1 : 0)
            .description(description(GATE_STATE)).tags(tags).tag(STATE, lower(s.name())).register(registry);
      }
    }
  }

  private static double score(EnvironmentEvidence e) {
    // the unknown environment's placeholder score 0.5 is not a measurement: no window, no score
    return e.windowSize() == 0 ? Double.NaN : e.calibrationScore();
  }

  private static double qualifies(EnvironmentEvidence e, int tier) {
    OptionalInt q = e.qualifiedTier();
    if (q.isEmpty()) {
      return Double.NaN;
    }
    return q.getAsInt() >= tier ? 1 : 0;
  }

  private @Nullable EnvironmentTrackers trackers() {
    WeakReference<EnvironmentTrackers> r = trackers;
    return r == null ? null : r.get();
  }

  private @Nullable ActionGate gate() {
    WeakReference<ActionGate> r = gate;
    return r == null ? null : r.get();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String description(String name) {
    switch (name) {
      case ROLLING_ECE:
        return "Expected calibration error of the environment's sliding window";
      case CALIBRATION_SCORE:
        return "Calibration score clamp(1 - 5 ECE, 0, 1) of the window";
      case TIER_QUALIFIED:
        return "1 when the environment's calibration qualifies for the tier";
      case GATE_STATE:
        return "1 for the action gate's current state of the environment";
      case TIER_EMITTED:
        return "Predictions by emitted intervention tier (0: none)";
      case RECALIBRATION_TRIGGERED:
        return "Recalibrations requested after a calibration drift";
      case DECISIONS:
        return "Gate decisions by scope and decision";
      default:
        throw new AssertionError(name);
    }
  }

  @Override
  public String toString() {
    return "VgacMetrics[environments=" + environments.size() + ", registries=" + registries.size() + "]";
  }
}
