package io.vgac.agents.gate;

/** The priority levels of the design's {@code tool_adjust_priority}; each scheduler maps them to its own scale. */
public enum PriorityLevel {
  LOW,
  NORMAL,
  HIGH,
  CRITICAL
}
