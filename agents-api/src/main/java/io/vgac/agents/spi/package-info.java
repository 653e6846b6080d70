/**
 * The agents' SPIs for what lies outside the SDK, each with an embedded default that needs no network and no
 * credentials: {@link io.vgac.agents.spi.ClusterTelemetry} (in-memory / replay, fronted by a Caffeine cache whose
 * stale entries count as unknown), {@link io.vgac.agents.spi.WaitTimePredictor} (a logistic model over queue-state
 * features loaded from JSON) and {@link io.vgac.agents.spi.Planner} (rule-based).
 */
@NullMarked
package io.vgac.agents.spi;

import org.jspecify.annotations.NullMarked;
