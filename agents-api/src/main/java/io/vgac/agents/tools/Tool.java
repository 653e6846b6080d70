package io.vgac.agents.tools;

/**
 * A tool: its specification and the handler that carries out calls.
 *
 * @param spec what planners see
 * @param handler what runs after the arguments passed the spec's schema
 */
public record Tool(ToolSpec spec, ToolHandler handler) {

  public String name() {
    return spec.name();
  }
}
