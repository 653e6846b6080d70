package io.vgac.testkit.log;

import io.vgac.agents.log.DecisionLog;
import io.vgac.agents.log.InMemoryDecisionLog;
import io.vgac.testkit.DecisionLogContract;

/** The embedded in-memory log. */
class InMemoryDecisionLogTest extends DecisionLogContract {

  @Override
  protected DecisionLog create() {
    return new InMemoryDecisionLog();
  }
}
