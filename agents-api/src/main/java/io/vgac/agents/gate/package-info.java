/**
 * The action gate: the only path from a proposed action to {@link io.vgac.agents.gate.SchedulerActions}.
 *
 * <p>{@link io.vgac.agents.gate.ActionGate} keeps one explicit state machine per environment
 * ({@link io.vgac.agents.gate.GateState}) derived from the environment's calibration evidence, records its
 * transitions with an injected clock, and decides each {@link io.vgac.agents.gate.ActionRequest} deterministically:
 * execute, execute and notify, escalate or deny. {@link io.vgac.agents.gate.GatedActions} calls the scheduler only
 * after an executing decision.
 */
@NullMarked
package io.vgac.agents.gate;

import org.jspecify.annotations.NullMarked;
