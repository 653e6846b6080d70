package io.vgac.testkit;

import io.vgac.agents.approvals.ApprovalQueue;
import io.vgac.agents.approvals.InMemoryApprovalQueue;
import java.time.Clock;

class InMemoryApprovalQueueTest extends ApprovalQueueContract {

  @Override
  protected ApprovalQueue create(Clock clock) {
    return new InMemoryApprovalQueue(clock);
  }
}
