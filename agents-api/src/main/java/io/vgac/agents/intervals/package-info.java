/**
 * Wait-time prediction intervals per environment with online coverage control under late labels: an interval is
 * issued at submission with the environment's current conformal radius, scored when the job starts (its wait known),
 * and the realised coverage is tracked with a Wilson interval beside the calibration evidence.
 */
@NullMarked
package io.vgac.agents.intervals;

import org.jspecify.annotations.NullMarked;
