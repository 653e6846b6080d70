package io.vgac.cli.watch;

import io.vgac.cli.Args;
import io.vgac.cli.BadInputException;
import io.vgac.cli.Command;
import io.vgac.cli.CommandContext;
import io.vgac.cli.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code vgac watch} as one of {@link io.vgac.cli.Main}'s commands: option errors are usage errors, file and row
 * errors bad input (both exit 2 with one line on stderr). The default format is text on a terminal, JSON otherwise.
 */
public final class WatchCliCommand implements Command {

  @Override
  public String name() {
    return WatchCommand.NAME;
  }

  @Override
  public String summary() {
    return WatchCommand.SUMMARY;
  }

  @Override
  public String usage() {
    return WatchOptions.USAGE;
  }

  @Override
  public Set<String> options() {
    return Set.copyOf(WatchOptions.VALUE_OPTIONS);
  }

  @Override
  public int run(Args args, CommandContext context) throws UsageException, BadInputException {
    List<String> raw = new ArrayList<>();
    for (String option : WatchOptions.VALUE_OPTIONS) {
      String value = args.optional(option);
      if (value != null) {
        raw.add(option);
        raw.add(value);
      }
    }
    if (args.optional("--format") == null) {
      raw.add("--format");
      raw.add(context.outIsTerminal() ? "text" : "json");
    }
    WatchOptions options;
    try {
      options = WatchOptions.parse(raw);
    } catch (WatchInputException e) {
      throw new UsageException(e.getMessage());
    }
    WatchResult result = WatchCommand.watch(options);
    context.out().print(options.format().equals("json") ? WatchCommand.json(result) : WatchCommand.text(result));
    context.out().flush();
    return 0;
  }
}
