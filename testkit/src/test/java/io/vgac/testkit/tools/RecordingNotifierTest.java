package io.vgac.testkit.tools;

import io.vgac.agents.tools.Alert;
import io.vgac.agents.tools.Notifier;
import io.vgac.agents.tools.RecordingNotifier;
import io.vgac.testkit.NotifierContract;
import java.util.List;

/** The in-memory notifier. */
class RecordingNotifierTest extends NotifierContract {

  @Override
  protected Notifier create() {
    return new RecordingNotifier();
  }

  @Override
  protected List<String> deliveredTexts(Notifier notifier) {
    return ((RecordingNotifier) notifier).alerts().stream().map(Alert::message).toList();
  }
}
