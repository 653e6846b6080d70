/**
 * The decision log: one JSON object per gate decision, append-only, readable back and queryable by environment and
 * time. Field names follow the CLI contract ({@code design/cli.md}, {@code demo}).
 */
@NullMarked
package io.vgac.agents.log;

import org.jspecify.annotations.NullMarked;
