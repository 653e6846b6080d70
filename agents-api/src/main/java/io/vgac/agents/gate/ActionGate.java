package io.vgac.agents.gate;

import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.policy.Tier;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The deterministic action gate: decides whether a proposed action may run in an environment, given the
 * environment's calibration evidence. It has no side effect other than moving each environment's
 * {@link GateState} and recording the transitions; it never calls a scheduler ({@link GatedActions} does, after an
 * executing decision).
 *
 * <p><b>Decision rules</b>, checked in this order (the first that applies decides):
 *
 * <ol>
 *   <li>no evidence (unknown environment) → ESCALATE;
 *   <li>evidence without a time, older than {@link GateConfig#maxEvidenceAge()} (15 min), or dated further than
 *       that in the future (clock disagreement) → ESCALATE (the state is not moved by such evidence);
 *   <li>fresh evidence moves the environment's state ({@link #classify}, {@link GateState#on});
 *   <li>learning mode, or no sample yet → ESCALATE;
 *   <li>NaN ECE or calibration score (calibration unavailable), or NaN p (no prediction) → ESCALATE;
 *   <li>scope = the narrower of the evidence's scope and the state's cap; ESCALATE scope → ESCALATE;
 *   <li>action tier k above the policy's tiers, above the qualified tier, or p below tier k's threshold → DENY;
 *   <li>NOTIFY scope → EXECUTE_AND_NOTIFY; AUTONOMOUS scope → EXECUTE.
 * </ol>
 *
 * <p><b>Deny, not escalate, for rule 7.</b> An action stronger than the calibration qualifies for, or a prediction
 * below the tier's threshold, is an action the policy rules out rather than one a human should weigh: escalating it
 * would flood reviewers with every weak proposal. The planner may propose a weaker action instead.
 *
 * <p><b>Human approval</b> ({@link #decide(ActionRequest, CalibrationEvidence, HumanApproval)}). An escalated action
 * that a human approved is decided by the same rules with one change: rules 4 and 6 (learning mode with at least one
 * sample, and the ESCALATE scope from a low score or an ESCALATE_ONLY/LEARNING state) do not escalate; the action is
 * decided under the NOTIFY scope and, when it passes, yields EXECUTE_AND_NOTIFY. A human approval does not bypass the
 * calibration rules: unknown, stale or future evidence, no sample yet, an undefined ECE or score, or no prediction
 * still ESCALATE (a human cannot vouch for evidence nobody has), and rule 7 still DENIES an action above the policy's
 * tiers, above the qualified tier or below its tier's threshold. The approval must cover the request's environment,
 * job and action.
 *
 * <p>Thread-safe; each environment's state moves under its own lock.
 */
public final class ActionGate {
  private final GateConfig config;
  private final Clock clock;
  private final ConcurrentHashMap<String, EnvMachine> machines = new ConcurrentHashMap<>();

  public ActionGate(GateConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** A gate with the default configuration and the system clock (UTC). */
  public static ActionGate ofDefaults() {
    return new ActionGate(GateConfig.ofDefaults(), Clock.systemUTC());
  }

  public GateConfig config() {
    return config;
  }

  /** The current state of {@code envId}; LEARNING for an environment never observed. */
  public GateState state(String envId) {
    EnvMachine m = machines.get(envId);
    return m == null ? GateState.LEARNING : m.state();
  }

  /** The recorded transitions of {@code envId}, oldest first (at most {@link GateConfig#maxTransitions()}). */
  public List<GateTransition> transitions(String envId) {
    EnvMachine m = machines.get(envId);
    return m == null ? List.of() : m.transitions();
  }

  /** The event that {@code evidence} represents, checked in {@link GateEvent}'s declaration order. */
  public static GateEvent classify(CalibrationEvidence evidence) {
    if (evidence.learning()) {
      return GateEvent.LEARNING_EVIDENCE;
    }
    TrackerState m = evidence.machineState();
    if (evidence.drift() == DriftSeverity.CRITICAL
        && (m == TrackerState.DRIFTING || m == TrackerState.CALIBRATED)) {
      return GateEvent.CRITICAL_DRIFT;
    }
    if (m == TrackerState.DRIFTING || m == TrackerState.RECALIBRATING || m == TrackerState.RECOVERING) {
      return GateEvent.RECALIBRATION_PENDING;
    }
    if (m == TrackerState.LEARNING) {
      return GateEvent.LEARNING_EVIDENCE;
    }
    switch (evidence.scope()) {
      case AUTONOMOUS:
        return GateEvent.SCORE_HIGH;
      case NOTIFY:
        return GateEvent.SCORE_MODERATE;
      default:
        return GateEvent.SCORE_LOW;
    }
  }

  /**
   * Moves the state of the evidence's environment by its event (regardless of its age; {@link #decide} only
   * observes fresh evidence) and returns the new state.
   */
  public GateState observe(CalibrationEvidence evidence) {
    return machine(evidence.envId()).on(classify(evidence), clock.instant(), config.maxTransitions());
  }

  /**
   * Decides {@code request} on {@code evidence} (null when the environment is unknown).
   *
   * @throws IllegalArgumentException when the evidence belongs to another environment than the request
   */
  public GateDecision decide(ActionRequest request, @Nullable CalibrationEvidence evidence) {
    return decide(request, evidence, null, clock.instant());
  }

  /**
   * Decides {@code request}, which a human approved, on {@code evidence} (null when the environment is unknown):
   * see "Human approval" above. A refusal is an ESCALATE (the evidence cannot be trusted) or a DENY (the policy rules
   * the action out); an approval never turns either into an execution.
   *
   * @throws IllegalArgumentException when the approval does not cover the request's environment, job and action, or
   *     the evidence belongs to another environment than the request
   */
  public GateDecision decide(ActionRequest request, @Nullable CalibrationEvidence evidence, HumanApproval approval) {
    if (!approval.covers(request)) {
      throw new IllegalArgumentException("approval " + approval.approvalId() + " is for " + approval.action().wireName()
          + " of job " + approval.jobId() + " in " + approval.envId() + " but the request is "
          + request.action().wireName() + " of job " + request.jobId() + " in " + request.envId());
    }
    return decide(request, evidence, approval, clock.instant());
  }

  private GateDecision decide(
      ActionRequest request, @Nullable CalibrationEvidence evidence, @Nullable HumanApproval approval, Instant now) {
    String env = request.envId();
    if (evidence == null) {
      return escalate(now, request, null, state(env), "Unknown environment: no calibration evidence for cluster " + env);
    }
    if (!evidence.envId().equals(env)) {
      throw new IllegalArgumentException(
          "evidence.envId must be the request's '" + env + "' but was '" + evidence.envId() + "'");
    }
    Instant at = evidence.observedAt();
    if (at == null) {
      return escalate(now, request, evidence, state(env),
          "Calibration evidence of unknown age for cluster " + env);
    }
    Duration age = Duration.between(at, now);
    if (age.negated().compareTo(config.maxEvidenceAge()) > 0) {
      // a clock that disagrees this much with ours makes the evidence's age meaningless
      return escalate(now, request, evidence, state(env),
          "Calibration evidence for cluster " + env + " is dated " + human(age.negated()) + " in the future");
    }
    if (age.compareTo(config.maxEvidenceAge()) > 0) {
      return escalate(now, request, evidence, state(env),
          "Stale calibration evidence for cluster " + env + ": " + human(age) + " old (max "
              + human(config.maxEvidenceAge()) + ")");
    }
    GateState state = machine(env).on(classify(evidence), now, config.maxTransitions());
    if (evidence.sampleCount() == 0) {
      return escalate(now, request, evidence, state, "Unknown environment: no outcomes recorded yet for cluster " + env);
    }
    if (approval == null && (evidence.learning() || state == GateState.LEARNING)) {
      return escalate(now, request, evidence, state,
          "Learning mode for cluster " + env + " (" + evidence.sampleCount() + " samples)");
    }
    if (Double.isNaN(evidence.ece()) || Double.isNaN(evidence.calibrationScore())) {
      return escalate(now, request, evidence, state, "Calibration unavailable for cluster " + env + " (ECE undefined)");
    }
    if (Double.isNaN(request.p())) {
      return escalate(now, request, evidence, state, "No prediction available for job " + request.jobId());
    }
    // a human approval stands in for the confidence the scope measures, so it decides under NOTIFY: act, then tell
    Scope scope = approval != null ? Scope.NOTIFY : evidence.scope().min(state.cap());
    if (scope == Scope.ESCALATE) {
      String reason = state == GateState.ESCALATE_ONLY && evidence.drift() == DriftSeverity.CRITICAL
          ? "Critical calibration drift for cluster " + env + ": escalate-only until recalibrated"
          : String.format(Locale.ROOT, "Low calibration (%.2f) for cluster %s", evidence.calibrationScore(), env);
      return escalate(now, request, evidence, state, reason);
    }
    ProposedAction action = request.action();
    int k = action.tier();
    TierPolicy policy = config.tierPolicy();
    if (k > policy.maxTier()) {
      return decision(now, request, evidence, state, scope, Decision.DENY,
          action.wireName() + " needs tier " + k + " but the tier policy has only " + policy.maxTier() + " tiers");
    }
    if (evidence.qualifiedTier() < k) {
      return decision(now, request, evidence, state, scope, Decision.DENY,
          String.format(Locale.ROOT, "%s needs qualified tier ≥ %d but cluster %s qualifies for tier %d (ECE %.3f)",
              action.wireName(), k, env, evidence.qualifiedTier(), evidence.ece()));
    }
    Tier tier = policy.tiers().get(k - 1);
    if (!(request.p() >= tier.minProbability())) {
      return decision(now, request, evidence, state, scope, Decision.DENY,
          String.format(Locale.ROOT, "p = %.3f is below the tier-%d threshold %s for %s",
              request.p(), k, tier.minProbability(), action.wireName()));
    }
    if (approval != null) {
      return decision(now, request, evidence, state, scope, Decision.EXECUTE_AND_NOTIFY,
          "Action taken with human approval " + approval.approvalId() + " by " + approval.approvedBy() + ": "
              + action.wireName());
    }
    if (scope == Scope.NOTIFY) {
      return decision(now, request, evidence, state, scope, Decision.EXECUTE_AND_NOTIFY,
          "Action taken with moderate confidence: " + action.wireName());
    }
    return decision(now, request, evidence, state, scope, Decision.EXECUTE,
        String.format(Locale.ROOT, "Calibration %.2f for cluster %s: tier %d qualified, p = %.3f ≥ %s",
            evidence.calibrationScore(), env, k, request.p(), tier.minProbability()));
  }

  /**
   * An ESCALATE decision for a request whose evidence could not be obtained at all (the source failed); the
   * environment's state does not move.
   */
  public GateDecision unavailable(ActionRequest request, String why) {
    return escalate(clock.instant(), request, null, state(request.envId()),
        "Calibration evidence unavailable for cluster " + request.envId() + ": " + why);
  }

  private GateDecision escalate(
      Instant now, ActionRequest r, @Nullable CalibrationEvidence e, GateState state, String reason) {
    return decision(now, r, e, state, Scope.ESCALATE, Decision.ESCALATE, reason);
  }

  private static GateDecision decision(
      Instant now, ActionRequest r, @Nullable CalibrationEvidence e, GateState state, Scope scope, Decision d,
      String reason) {
    return new GateDecision(now, r, r.action().tier(), scope, d, reason, state, e);
  }

  private EnvMachine machine(String envId) {
    return machines.computeIfAbsent(envId, EnvMachine::new);
  }

  private static String human(Duration d) {
    long s = d.getSeconds();
    return s >= 60 ? (s / 60) + " min" : s + " s";
  }

  /** One environment's state and its bounded transition history. */
  private static final class EnvMachine {
    private final String envId;
    private final ArrayDeque<GateTransition> history = new ArrayDeque<>();
    private GateState state = GateState.LEARNING;

    EnvMachine(String envId) {
      this.envId = envId;
    }

    synchronized GateState state() {
      return state;
    }

    synchronized List<GateTransition> transitions() {
      return new ArrayList<>(history);
    }

    synchronized GateState on(GateEvent event, Instant at, int maxTransitions) {
      GateState to = state.next(event);
      if (to != null) {
        if (history.size() == maxTransitions) {
          history.removeFirst();
        }
        history.addLast(new GateTransition(envId, state, to, event, at));
        state = to;
      }
      return state;
    }
  }
}
