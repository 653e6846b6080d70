/**
 * Anomaly detection on operational series (queue depth, GPU utilisation, memory) against a learned seasonal profile:
 * hour-of-week medians, a robust EWMA level and a MAD scale, in bounded memory. Pure computation: no I/O; times are
 * epoch milliseconds given by the caller.
 */
@NullMarked
package io.vgac.calibration.anomaly;

import org.jspecify.annotations.NullMarked;
