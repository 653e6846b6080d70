package io.vgac.agents.gate;

import io.vgac.calibration.policy.Scope;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The gate's state machine of one environment. Every environment starts in LEARNING. Transition table
 * ({@link #on}): each event leads to one state, from every other state; an event that names the current state is
 * no transition (nothing is recorded).
 *
 * <table>
 *   <caption>Transitions</caption>
 *   <tr><th>event</th><th>from</th><th>to</th></tr>
 *   <tr><td>LEARNING_EVIDENCE</td><td>any but LEARNING</td><td>LEARNING</td></tr>
 *   <tr><td>SCORE_HIGH</td><td>any but AUTONOMOUS</td><td>AUTONOMOUS</td></tr>
 *   <tr><td>SCORE_MODERATE</td><td>any but NOTIFY</td><td>NOTIFY</td></tr>
 *   <tr><td>SCORE_LOW, CRITICAL_DRIFT</td><td>any but ESCALATE_ONLY</td><td>ESCALATE_ONLY</td></tr>
 *   <tr><td>RECALIBRATION_PENDING</td><td>any but RECALIBRATING</td><td>RECALIBRATING</td></tr>
 * </table>
 *
 * The table holds no hysteresis of its own on purpose: the calibration tracker already makes autonomy return after
 * a drift only through recalibration, fresh quiet labels and a passing upper bound, and the gate must never be more
 * permissive than the tracker's current evidence. Each state caps the scope ({@link #cap}); the decision uses the
 * narrower of the cap and the evidence's scope.
 */
public enum GateState {
  /** Too few samples: escalate everything. */
  LEARNING,
  /** Calibrated well: act on your own. */
  AUTONOMOUS,
  /** Calibrated moderately: act, then tell a human. */
  NOTIFY,
  /** Poorly calibrated, or a critical drift awaits recalibration: escalate everything. */
  ESCALATE_ONLY,
  /** A drift alarm is answered by a recalibration that has not yet proved itself: at most NOTIFY. */
  RECALIBRATING;

  /** The state {@code event} leads to from this state, or empty when it is not a transition. */
  public Optional<GateState> on(GateEvent event) {
    return Optional.ofNullable(next(event));
  }

  @Nullable GateState next(GateEvent event) {
    GateState to;
    switch (event) {
      case LEARNING_EVIDENCE:
        to = LEARNING;
        break;
      case SCORE_HIGH:
        to = AUTONOMOUS;
        break;
      case SCORE_MODERATE:
        to = NOTIFY;
        break;
      case SCORE_LOW:
      case CRITICAL_DRIFT:
        to = ESCALATE_ONLY;
        break;
      case RECALIBRATION_PENDING:
        to = RECALIBRATING;
        break;
      default:
        throw new AssertionError(event);
    }
    return to == this ? null : to;
  }

  /** The widest scope allowed in this state. */
  public Scope cap() {
    switch (this) {
      case AUTONOMOUS:
        return Scope.AUTONOMOUS;
      case NOTIFY:
      case RECALIBRATING:
        return Scope.NOTIFY;
      default:
        return Scope.ESCALATE;
    }
  }
}
