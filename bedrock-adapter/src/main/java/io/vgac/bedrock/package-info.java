/**
 * Claude on Amazon Bedrock as an optional {@link io.vgac.agents.spi.Planner} (the Converse API, tool use through the
 * action gate, bounded retries and a rule-based fallback) and an AWS Lambda entry point for the agents' tools.
 */
@NullMarked
package io.vgac.bedrock;

import org.jspecify.annotations.NullMarked;
