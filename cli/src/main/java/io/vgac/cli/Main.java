package io.vgac.cli;

import io.vgac.cli.report.ReportCommand;
import io.vgac.cli.watch.WatchCliCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Entry point of {@code ./vgac}: dispatches to one {@link Command} per subcommand and turns outcomes into exit
 * statuses — {@value #EXIT_OK} success, {@value #EXIT_USAGE} bad usage or bad input (one line on stderr),
 * {@value #EXIT_INTERNAL} internal error (one line; the stack trace too when {@code VGAC_DEBUG=1}).
 */
public final class Main {
  public static final int EXIT_OK = 0;
  public static final int EXIT_INTERNAL = 1;
  public static final int EXIT_USAGE = 2;

  /** Every subcommand; a new one is one more entry here. */
  static final List<Command> COMMANDS = List.of(new ReportCommand(), new WatchCliCommand(),
      new io.vgac.cli.lab.TransferCommand(), new io.vgac.cli.lab.TransferMatrixCommand(),
      new io.vgac.cli.lab.TrainCommand(), new io.vgac.cli.lab.DemoCommand());

  private Main() {}

  public static void main(String[] args) {
    // The launcher knows whether the streams are terminals ([ -t 1 ]); without it, fall back to the JDK's guess.
    boolean consoleGuess = System.console() != null;
    CommandContext context = new CommandContext(
        System.out,
        System.err,
        flag("vgac.stdout.tty", consoleGuess),
        flag("vgac.stderr.tty", consoleGuess),
        "1".equals(System.getenv("VGAC_DEBUG")));
    int status = run(args, context);
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  private static boolean flag(String property, boolean fallback) {
    String v = System.getProperty(property);
    return v == null || v.isEmpty() ? fallback : v.equals("1") || v.equalsIgnoreCase("true");
  }

  /** Runs one command line with streams that are not terminals; the entry point for tests. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, new CommandContext(out, err, false, false, "1".equals(System.getenv("VGAC_DEBUG"))));
  }

  /** Runs one command line and returns its exit status; never throws. */
  public static int run(String[] args, CommandContext context) {
    return run(args, context, COMMANDS);
  }

  static int run(String[] args, CommandContext context, List<Command> commands) {
    PrintStream err = context.err();
    if (args.length == 0) {
      err.println("vgac: missing command (try 'vgac --help')");
      return EXIT_USAGE;
    }
    String name = args[0];
    if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
      context.out().print(usage(commands));
      return EXIT_OK;
    }
    Command command = find(commands, name);
    if (command == null) {
      err.println("vgac: unknown command '" + name + "' (commands: "
          + String.join(", ", commands.stream().map(Command::name).toList()) + ")");
      return EXIT_USAGE;
    }
    try {
      Args parsed = Args.parse(Arrays.asList(args).subList(1, args.length), command.options());
      if (parsed.helpRequested()) {
        context.out().print(command.usage());
        return EXIT_OK;
      }
      return command.run(parsed, context);
    } catch (UsageException e) {
      err.println("vgac " + command.name() + ": " + e.getMessage() + " (see 'vgac " + command.name() + " --help')");
      return EXIT_USAGE;
    } catch (BadInputException e) {
      err.println("vgac: " + e.getMessage());
      return EXIT_USAGE;
    } catch (OutOfMemoryError e) {
      err.println("vgac: out of memory; give Java more with VGAC_JAVA_OPTS=-Xmx4g");
      return EXIT_INTERNAL;
    } catch (RuntimeException | StackOverflowError e) {
      err.println("vgac: internal error: " + oneLine(e)
          + (context.debug() ? "" : " (set VGAC_DEBUG=1 for the stack trace)"));
      if (context.debug()) {
        e.printStackTrace(err);
      }
      return EXIT_INTERNAL;
    }
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.replaceAll("\\s+", " ").strip();
  }

  private static @Nullable Command find(List<Command> commands, String name) {
    for (Command c : commands) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  static String usage(List<Command> commands) {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: vgac <command> [options]   (vgac <command> --help for its options)\n\nCommands:\n");
    for (Command c : commands) {
      sb.append(String.format("  %-16s %s", c.name(), c.summary())).append('\n');
    }
    sb.append("\nExit status: 0 success, 2 bad usage or bad input, 1 internal error (VGAC_DEBUG=1 shows the stack"
        + " trace).\n");
    return sb.toString();
  }
}
