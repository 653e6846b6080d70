package io.vgac.agents.gate;

/**
 * What a piece of fresh calibration evidence says about an environment; the input of the {@link GateState} table.
 * {@link ActionGate#classify} derives exactly one event from each evidence, checking in this order.
 */
public enum GateEvent {
  /** Learning mode: fewer samples than the autonomy policy's minimum (50). */
  LEARNING_EVIDENCE,
  /** A CRITICAL drift ratio (&gt; 5× baseline) not yet answered by a recalibration. */
  CRITICAL_DRIFT,
  /** A drift alarm is waiting for, or recovering from, a recalibration (tracker DRIFTING, RECALIBRATING, RECOVERING). */
  RECALIBRATION_PENDING,
  /** Calibrated, scope AUTONOMOUS (score &gt; 0.85). */
  SCORE_HIGH,
  /** Calibrated, scope NOTIFY (0.60 &lt; score ≤ 0.85). */
  SCORE_MODERATE,
  /** Calibrated, scope ESCALATE (score ≤ 0.60 or undefined). */
  SCORE_LOW
}
