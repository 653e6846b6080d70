/** The embedded ClusterTelemetry, WaitTimePredictor and Planner defaults run against their contracts. */
@NullMarked
package io.vgac.testkit.spi;

import org.jspecify.annotations.NullMarked;
