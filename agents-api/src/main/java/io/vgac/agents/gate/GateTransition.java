package io.vgac.agents.gate;

import java.time.Instant;

/**
 * One recorded transition of an environment's {@link GateState}.
 *
 * @param envId the environment
 * @param from the state before
 * @param to the state after
 * @param event the evidence that caused it
 * @param at the gate clock's time
 */
public record GateTransition(String envId, GateState from, GateState to, GateEvent event, Instant at) {}
