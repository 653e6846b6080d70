package io.vgac.agents.log;

import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.GateState;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.calibration.policy.Scope;
import java.time.Instant;

final class Records {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private Records() {}

  static DecisionRecord record(String env, int i) {
    return new DecisionRecord(T0.plusSeconds(i), env, "job-" + i, ProposedAction.REQUEUE, 4, Scope.NOTIFY,
        Decision.EXECUTE_AND_NOTIFY, "Action taken with moderate confidence: requeue — p ≥ 0.9", 0.93, 0.021,
        0.015, 0.028, 1847, 0.895, "NONE", 4, GateState.NOTIFY);
  }
}
