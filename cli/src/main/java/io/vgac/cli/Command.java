package io.vgac.cli;

import java.util.Set;

/**
 * One {@code vgac} subcommand. {@link Main} parses the options a command declares, answers {@code --help} with its
 * {@link #usage()}, and maps the exceptions to exit codes, so a command only does its work.
 */
public interface Command {
  /** The word after {@code vgac}, e.g. {@code report}. */
  String name();

  /** One line for the list of commands. */
  String summary();

  /** The full help text, ending with a newline. */
  String usage();

  /** The options that take a value, with their leading dashes, e.g. {@code --input}. */
  Set<String> options();

  /**
   * Runs the command.
   *
   * @return the exit status (0 on success)
   * @throws UsageException when an option value is malformed (exit 2)
   * @throws BadInputException when an input file cannot be used (exit 2)
   */
  int run(Args args, CommandContext context) throws UsageException, BadInputException;
}
