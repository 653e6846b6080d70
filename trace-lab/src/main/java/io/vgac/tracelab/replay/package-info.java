/**
 * Replays swept traces through the agents ({@code Agents}): each job's submission with the cluster state of its
 * snapshot, each start with its real start time, on an event-time clock; a {@link
 * io.vgac.tracelab.replay.RecalibratingPredictor} plays the operator who answers the Calibrator's recalibration
 * requests by refitting a calibrator on the environment's latest labelled jobs.
 */
@NullMarked
package io.vgac.tracelab.replay;

import org.jspecify.annotations.NullMarked;
