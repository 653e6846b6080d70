package io.vgac.cli;

import java.io.PrintStream;

/**
 * Where a command writes and what it may assume about those streams.
 *
 * @param out the result (exactly one JSON document for {@code --format json})
 * @param err errors and progress
 * @param outIsTerminal whether {@code out} is an interactive terminal (picks the default output format)
 * @param errIsTerminal whether {@code err} is an interactive terminal (progress is shown only then)
 * @param debug print stack traces of internal errors ({@code VGAC_DEBUG=1})
 */
public record CommandContext(
    PrintStream out, PrintStream err, boolean outIsTerminal, boolean errIsTerminal, boolean debug) {

  /** Streams that are not terminals, no debug output: what tests and pipes see. */
  public static CommandContext of(PrintStream out, PrintStream err) {
    return new CommandContext(out, err, false, false, false);
  }
}
