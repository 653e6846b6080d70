/**
 * Micrometer metrics of the agents: {@link io.vgac.metrics.VgacMetrics} publishes, per environment, the rolling ECE,
 * the qualified tiers, the gate state, and counts emitted tiers, recalibration requests and gate decisions.
 */
@NullMarked
package io.vgac.metrics;

import org.jspecify.annotations.NullMarked;
