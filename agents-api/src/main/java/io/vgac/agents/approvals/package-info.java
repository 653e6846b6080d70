/**
 * Human approvals: an escalated action becomes a {@link io.vgac.agents.approvals.PendingApproval} in an
 * {@link io.vgac.agents.approvals.ApprovalQueue} (in memory, or persisted in a crash-safe file), a human approves or
 * denies it before it expires, and {@link io.vgac.agents.approvals.ApprovedActionExecutor} carries an approved action
 * out: only while its job is still pending, and only through the action gate, which may still refuse it.
 */
@NullMarked
package io.vgac.agents.approvals;

import org.jspecify.annotations.NullMarked;
