package io.vgac.tracelab.features;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.tracelab.read.TraceJob;

/**
 * One job at its submit time, seen only through what was knowable then.
 *
 * @param order the job's position in submit order (0-based)
 * @param source the job as the trace records it (its wait is the outcome, not a feature)
 * @param job the agents' view of the job (what the scheduler knows at submission)
 * @param state the agents' view of the cluster just before the submission (events at or before the submit time of
 *     jobs submitted earlier)
 * @param queuedWork processor-seconds (GPU-seconds on GPU traces) requested by the jobs pending ahead, per unit of
 *     machine capacity: seconds of the whole machine's work queued; jobs without a requested time count 0
 * @param userRecentWait the mean wait of the user's last {@link FeatureSweep#USER_HISTORY} jobs that had started by
 *     then; NaN when the trace has no user or the user had none
 * @param userPending the user's jobs pending just before the submission (0 when the trace has no user)
 */
public record JobSnapshot(
    int order,
    TraceJob source,
    Job job,
    ClusterState state,
    double queuedWork,
    double userRecentWait,
    int userPending) {}
