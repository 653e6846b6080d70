package io.vgac.testkit.spi;

import io.vgac.agents.spi.Planner;
import io.vgac.agents.spi.RuleBasedPlanner;
import io.vgac.testkit.PlannerContract;

/** The embedded planner that proposes nothing where calibration is not established. */
class QualifiedOnlyRuleBasedPlannerTest extends PlannerContract {

  @Override
  protected Planner create() {
    return RuleBasedPlanner.actingOnlyWhenQualified();
  }
}
