package io.vgac.testkit.spi;

import io.vgac.agents.spi.Planner;
import io.vgac.agents.spi.RuleBasedPlanner;
import io.vgac.testkit.PlannerContract;

/** The embedded planner. */
class RuleBasedPlannerTest extends PlannerContract {

  @Override
  protected Planner create() {
    return RuleBasedPlanner.instance();
  }
}
