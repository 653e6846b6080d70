/**
 * {@code ./vgac watch}: runs every calibration monitor of {@link io.vgac.calibration.tracker.EnvironmentTrackers}
 * over an outcome stream read from a CSV file, in file order, and reports the alarms and each environment's state.
 */
@NullMarked
package io.vgac.cli.watch;

import org.jspecify.annotations.NullMarked;
