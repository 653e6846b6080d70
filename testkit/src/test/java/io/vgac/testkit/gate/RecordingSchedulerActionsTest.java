package io.vgac.testkit.gate;

import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.gate.SchedulerActions;
import io.vgac.testkit.SchedulerActionsContract;
import java.util.List;

/** The embedded dry-run executor. */
class RecordingSchedulerActionsTest extends SchedulerActionsContract {

  @Override
  protected SchedulerActions create() {
    return new RecordingSchedulerActions();
  }

  @Override
  protected List<Applied> applied(SchedulerActions actions) {
    return ((RecordingSchedulerActions) actions).calls().stream()
        .map(c -> new Applied(c.action(), c.clusterId(), c.jobId(), c.argument())).toList();
  }
}
