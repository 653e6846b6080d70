/**
 * The agents layer: the unified telemetry model, the action gate (the only path to scheduler actions) and the
 * decision log. Work in progress: the agents, tools, workflow and SPIs arrive with issue 4.
 */
@NullMarked
package io.vgac.agents;

import org.jspecify.annotations.NullMarked;
