package io.vgac.agents.tools;

/**
 * Carries out one tool call on arguments already validated against the tool's schema. A handler may throw: the
 * {@link ToolRegistry} logs it and returns a failure result.
 */
@FunctionalInterface
public interface ToolHandler {

  /** Carries out the call. */
  ToolResult handle(ToolArguments arguments) throws Exception;
}
