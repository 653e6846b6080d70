/**
 * The agents layer. {@link io.vgac.agents.Agents} wires the workflow, the tools, the action gate (the only path to
 * scheduler actions), the decision log and the approvals over the SPIs, each with an embedded default.
 */
@NullMarked
package io.vgac.agents;

import org.jspecify.annotations.NullMarked;
