/**
 * The workflow of the design, one job at a time and many jobs at once: {@link io.vgac.agents.workflow.JobSubmitted}
 * → observe → predict → calibration evidence → plan → {@link io.vgac.agents.gate.GatedActions} → decision log →
 * notify or escalate; {@link io.vgac.agents.workflow.JobStarted} → the outcome updates the environment's tracker and
 * is stored; drift → a recalibration is requested (never done silently).
 */
@NullMarked
package io.vgac.agents.workflow;

import org.jspecify.annotations.NullMarked;
