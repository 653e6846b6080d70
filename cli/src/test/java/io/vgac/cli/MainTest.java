package io.vgac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(boolean debug, List<Command> commands, String... args) {
    CommandContext context = new CommandContext(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        false, false, debug);
    return Main.run(args, context, commands);
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run()).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).isEqualTo("vgac: missing command (try 'vgac --help')\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void unknownCommandIsAUsageErrorListingTheCommands() {
    assertThat(run("reprot", "--input", "x")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).isEqualTo("vgac: unknown command 'reprot' (commands: report, watch, transfer, transfer-matrix, train, demo)\n");
  }

  @Test
  void helpGoesToStdout() {
    assertThat(run("--help")).isEqualTo(Main.EXIT_OK);
    assertThat(out()).contains("report").contains("Exit status");
    assertThat(err()).isEmpty();
  }

  @Test
  void commandHelpGoesToStdoutEvenWithOtherOptions() {
    assertThat(run("report", "--bins", "3", "--help")).isEqualTo(Main.EXIT_OK);
    assertThat(out()).startsWith("Usage: vgac report --input FILE.csv");
    assertThat(err()).isEmpty();
  }

  @Test
  void usageErrorIsOneLineNamingTheCommand() {
    assertThat(run("report", "--input", "x.csv", "--bogus", "1")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).isEqualTo("vgac report: unknown option '--bogus' (see 'vgac report --help')\n");
    assertThat(out()).isEmpty();
  }

  /** A command that fails the way a bug does. */
  private static final Command BROKEN = new Command() {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public String summary() {
      return "always fails";
    }

    @Override
    public String usage() {
      return "Usage: vgac broken\n";
    }

    @Override
    public Set<String> options() {
      return Set.of();
    }

    @Override
    public int run(Args args, CommandContext context) {
      throw new IllegalStateException("invariant broken:\nsecond line");
    }
  };

  @Test
  void internalErrorIsOneLineWithoutStackTrace() {
    assertThat(run(false, List.of(BROKEN), "broken")).isEqualTo(Main.EXIT_INTERNAL);
    assertThat(err()).isEqualTo("vgac: internal error: IllegalStateException: invariant broken: second line"
        + " (set VGAC_DEBUG=1 for the stack trace)\n");
  }

  @Test
  void internalErrorShowsTheStackTraceInDebugMode() {
    assertThat(run(true, List.of(BROKEN), "broken")).isEqualTo(Main.EXIT_INTERNAL);
    assertThat(err()).startsWith("vgac: internal error: IllegalStateException: invariant broken: second line\n")
        .contains("\tat io.vgac.cli.MainTest");
  }
}
