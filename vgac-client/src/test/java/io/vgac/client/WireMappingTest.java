package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the contract's bodies map to the agents' model: defaults, unknown fields, both queue shapes, scheduler types. */
class WireMappingTest {
  private final TestPlatform p = new TestPlatform();

  @AfterEach
  void stop() {
    p.close();
  }

  @Test
  void theContractsExampleSummaryIsAClusterStateObservedNow() {
    ClusterState s = p.client().clusterState();
    assertThat(s).isEqualTo(new ClusterState("eks-prod-gpu", SchedulerType.KUBERNETES, 4, 32, 12, 0.78, 12, 8, 12,
        TestPlatform.T0));
  }

  @Test
  void unknownFieldsAreIgnoredAndBatchIsAwsBatch() {
    p.server.clusterSummary("{\"cluster_id\":\"b\",\"scheduler_type\":\"batch\",\"total_nodes\":3,\"ready_nodes\":2,"
        + "\"total_gpus\":8,\"available_gpus\":0,\"gpu_utilization\":1,\"pending_jobs\":1,\"running_jobs\":2,"
        + "\"queue_depth\":1,\"new_field\":{\"nested\":[1,2]},\"observed_at\":\"2026-01-05T09:59:00Z\"}");
    ClusterState s = p.client().clusterState();
    assertThat(s.schedulerType()).isEqualTo(SchedulerType.AWS_BATCH);
    assertThat(s.nodes()).isEqualTo(2);
    assertThat(s.observedAt()).isEqualTo(Instant.parse("2026-01-05T09:59:00Z"));
  }

  @Test
  void anUnknownSchedulerIsABadResponseUnlessAFallbackIsConfigured() {
    p.server.clusterSummary("{\"cluster_id\":\"u\",\"scheduler_type\":\"unknown\",\"total_nodes\":1,\"ready_nodes\":1,"
        + "\"total_gpus\":1,\"available_gpus\":1,\"gpu_utilization\":0,\"pending_jobs\":0,\"running_jobs\":0,"
        + "\"queue_depth\":0}");
    assertThatThrownBy(p.client()::clusterState).isInstanceOf(BadResponseException.class)
        .hasMessageContaining("'scheduler_type' is 'unknown'");
    assertThat(p.client(p.config().unknownSchedulerType(SchedulerType.SLURM).build()).clusterState().schedulerType())
        .isEqualTo(SchedulerType.SLURM);
  }

  @Test
  void aPlatformOfAnotherClusterThanConfiguredIsABadResponse() {
    VgacClient c = p.client(p.config().clusterId("slurm-a").build());
    assertThatThrownBy(c::clusterState).isInstanceOf(BadResponseException.class)
        .hasMessageContaining("reports cluster 'eks-prod-gpu' but the client is configured for cluster 'slurm-a'");
    assertThat(c.telemetry().clusterState("eks-prod-gpu")).isEmpty();
  }

  @Test
  void theQueueIsABareArrayOrAnObjectAndOnlyPendingJobsArePending() {
    String jobs = "[{\"job_id\":\"j2\",\"state\":\"pending\",\"submitted_at\":\"2026-01-05T09:00:00Z\",\"gpus\":2},"
        + "{\"job_id\":\"j1\",\"state\":\"PENDING\",\"submitted_at\":\"2026-01-05T08:00:00+00:00\",\"cpu\":1500,"
        + "\"memory_gb\":2,\"estimated_duration_minutes\":90,\"namespace\":\"ml\",\"queue\":\"a100\",\"priority\":5},"
        + "{\"job_id\":\"j3\",\"state\":\"running\",\"submitted_at\":\"2026-01-05T07:00:00Z\","
        + "\"started_at\":\"2026-01-05T07:30:00Z\"},{\"job_id\":\"j4\",\"state\":\"preempted\","
        + "\"submitted_at\":\"2026-01-05T07:00:00Z\"}]";
    for (String body : List.of(jobs, "{\"jobs\":" + jobs + ",\"total\":4}")) {
      p.server.queue(body);
      VgacClient c = p.client();
      assertThat(c.queue()).extracting(QueuedJob::state)
          .containsExactly(JobState.PENDING, JobState.PENDING, JobState.RUNNING, JobState.UNKNOWN);
      List<Job> pending = c.telemetry().pendingJobs("eks-prod-gpu");
      assertThat(pending).containsExactly(
          new Job("j1", "eks-prod-gpu", "ml", "a100", 0, 2, 2048, Duration.ofMinutes(90), 5,
              Instant.parse("2026-01-05T08:00:00Z")),
          new Job("j2", "eks-prod-gpu", "default", "default", 2, 0, 0, null, 0, Instant.parse("2026-01-05T09:00:00Z")));
      assertThat(c.telemetry().pendingJobs("elsewhere")).isEmpty();
    }
  }

  @Test
  void aJobWithoutItsSubmissionTimeIsABadResponseNamingIt() {
    p.server.queue("[{\"job_id\":\"j9\",\"state\":\"pending\"}]");
    assertThatThrownBy(p.client()::queue).isInstanceOf(BadResponseException.class)
        .hasMessageContaining("job 'j9': field 'submitted_at' is required");
  }
}
