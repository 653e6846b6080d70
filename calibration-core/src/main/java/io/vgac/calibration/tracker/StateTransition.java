package io.vgac.calibration.tracker;

/**
 * One recorded transition of an environment's {@link TrackerState}.
 *
 * @param from the state before
 * @param to the state after
 * @param trigger what caused it
 * @param sampleCount the environment's sample count when it happened
 * @param timeMillis the tracker clock's time (epoch milliseconds) when it happened
 */
public record StateTransition(
    TrackerState from, TrackerState to, TransitionTrigger trigger, long sampleCount, long timeMillis) {}
