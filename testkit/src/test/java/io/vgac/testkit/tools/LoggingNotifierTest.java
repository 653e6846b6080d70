package io.vgac.testkit.tools;

import io.vgac.agents.tools.Notifier;
import io.vgac.testkit.NotifierContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The default notifier writes to the SLF4J log; the test's binding (slf4j-simple) writes to the current
 * {@code System.err}, which the test captures.
 */
class LoggingNotifierTest extends NotifierContract {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(original);
  }

  @Override
  protected Notifier create() {
    return Notifier.logging();
  }

  @Override
  protected List<String> deliveredTexts(Notifier notifier) {
    String all;
    synchronized (captured) {
      all = captured.toString(StandardCharsets.UTF_8);
    }
    return Arrays.stream(all.split("\n")).filter(l -> l.contains(" io.vgac.agents.tools.Notifier - ")).toList();
  }
}
