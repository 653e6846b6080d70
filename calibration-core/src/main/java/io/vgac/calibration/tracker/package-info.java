/**
 * Per-environment calibration tracking: a bounded sliding window plus cumulative sums per environment, every drift
 * detector, honest (upper-bound) tier qualification, the ECE noise floor of small windows, and the autonomy state
 * machine with hysteresis. Pure computation: no I/O, time comes from an injected millisecond clock.
 */
@NullMarked
package io.vgac.calibration.tracker;

import org.jspecify.annotations.NullMarked;
