package io.vgac.cli;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * Progress of long work on stderr, rewritten in place a few times a second — only when stderr is a terminal, so
 * logs and pipes stay clean. Never writes to stdout.
 */
public final class ProgressMeter implements IntConsumer {
  private static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintStream err;
  private final String label;
  private final int total;
  private final boolean enabled;
  private long lastNanos = System.nanoTime();
  private boolean shown;

  private ProgressMeter(PrintStream err, String label, int total, boolean enabled) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.enabled = enabled;
  }

  /** A meter for {@code total} steps, shown only when {@code context.errIsTerminal()}. */
  public static ProgressMeter of(CommandContext context, String label, int total) {
    return new ProgressMeter(context.err(), label, total, context.errIsTerminal());
  }

  /** May be called from several threads (the bootstrap's workers). */
  @Override
  public synchronized void accept(int done) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastNanos < INTERVAL_NANOS && done < total) {
      return;
    }
    lastNanos = now;
    err.print("\rvgac: " + label + " " + done + "/" + total + " (" + (100L * done / Math.max(1, total)) + "%)");
    err.flush();
    shown = true;
  }

  /** Erases the progress line. */
  public synchronized void finish() {
    if (shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }
}
