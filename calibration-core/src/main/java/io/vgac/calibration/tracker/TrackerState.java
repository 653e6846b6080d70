package io.vgac.calibration.tracker;

import io.vgac.calibration.policy.Scope;
import java.util.Optional;

/**
 * The autonomy state machine of one environment. Transition table ({@link #on}):
 *
 * <table>
 *   <caption>Transitions</caption>
 *   <tr><th>from</th><th>trigger</th><th>to</th></tr>
 *   <tr><td>LEARNING</td><td>LEARNING_COMPLETE</td><td>CALIBRATED</td></tr>
 *   <tr><td>LEARNING, CALIBRATED, RECALIBRATING, RECOVERING</td><td>DRIFT_DETECTED</td><td>DRIFTING</td></tr>
 *   <tr><td>DRIFTING, RECALIBRATING, RECOVERING</td><td>RECALIBRATED</td><td>RECALIBRATING</td></tr>
 *   <tr><td>RECALIBRATING</td><td>FRESH_LABELS_QUIET</td><td>RECOVERING</td></tr>
 *   <tr><td>RECOVERING</td><td>UPPER_BOUND_WITHIN_LIMIT</td><td>CALIBRATED</td></tr>
 * </table>
 *
 * A recalibration recorded in LEARNING or CALIBRATED is kept (calibrator version) without a transition. Any other
 * (state, trigger) pair is not a transition. The scope cap of each state is {@link #cap}: autonomy (AUTONOMOUS) is
 * possible only in CALIBRATED, so after a drift alarm it returns only through RECALIBRATED, FRESH_LABELS_QUIET and
 * UPPER_BOUND_WITHIN_LIMIT, in that order.
 */
public enum TrackerState {
  /** Fewer samples than the policy's minimum: escalate everything. */
  LEARNING,
  /** Normal operation: the scope follows the calibration score. */
  CALIBRATED,
  /** A drift alarm was raised and no recalibration recorded since: at most NOTIFY (ESCALATE after a CRITICAL ratio). */
  DRIFTING,
  /** A recalibration was recorded; fewer than {@code minFreshLabels} fresh labels so far: at most NOTIFY. */
  RECALIBRATING,
  /** Enough quiet fresh labels; waiting for the fresh ECE upper bound to reach the AUTONOMOUS limit: at most NOTIFY. */
  RECOVERING;

  /** The state {@code trigger} leads to from this state, or empty when it is not a transition. */
  public Optional<TrackerState> on(TransitionTrigger trigger) {
    return Optional.ofNullable(next(trigger));
  }

  /** Table lookup without allocation; null when not a transition. */
  @org.jspecify.annotations.Nullable
  TrackerState next(TransitionTrigger trigger) {
    switch (trigger) {
      case LEARNING_COMPLETE:
        return this == LEARNING ? CALIBRATED : null;
      case DRIFT_DETECTED:
        return this == DRIFTING ? null : DRIFTING;
      case RECALIBRATED:
        return this == DRIFTING || this == RECALIBRATING || this == RECOVERING ? RECALIBRATING : null;
      case FRESH_LABELS_QUIET:
        return this == RECALIBRATING ? RECOVERING : null;
      case UPPER_BOUND_WITHIN_LIMIT:
        return this == RECOVERING ? CALIBRATED : null;
      default:
        throw new AssertionError(trigger);
    }
  }

  /**
   * The widest scope allowed in this state; {@code critical} says whether a CRITICAL ratio was seen since the
   * last drift alarm (escalate-only until recalibrated).
   */
  public Scope cap(boolean critical) {
    switch (this) {
      case LEARNING:
        return Scope.ESCALATE;
      case CALIBRATED:
        return Scope.AUTONOMOUS;
      case DRIFTING:
        return critical ? Scope.ESCALATE : Scope.NOTIFY;
      default:
        return Scope.NOTIFY;
    }
  }
}
