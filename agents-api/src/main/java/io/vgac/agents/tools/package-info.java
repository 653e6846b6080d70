/**
 * The agents' tools: each a {@link io.vgac.agents.tools.ToolSpec} (name, agent, description, JSON Schema 2020-12 of
 * its parameters) with a handler, listed and dispatched by a {@link io.vgac.agents.tools.ToolRegistry} so that every
 * planner (rule-based, an LLM, an MCP host) sees the same tools and every call is validated the same way.
 *
 * <p>{@link io.vgac.agents.tools.ToolCatalog} holds the fifteen tools of the design under their exact names;
 * {@link io.vgac.agents.tools.AgentTools} wires their handlers: calibrator tools over the in-process trackers, actor
 * tools that change the scheduler only through {@link io.vgac.agents.gate.GatedActions}, notifications through an
 * {@link io.vgac.agents.tools.Notifier}, and observer and predictor tools over handlers the caller supplies.
 */
@NullMarked
package io.vgac.agents.tools;

import org.jspecify.annotations.NullMarked;
