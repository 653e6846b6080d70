package io.vgac.agents.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  static final Instant T = Instant.parse("2026-01-05T10:15:30Z");

  static ClusterState cluster() {
    return new ClusterState("eks-a", SchedulerType.KUBERNETES, 12, 96, 10, 0.9, 40, 80, 37, T);
  }

  static Job job() {
    return new Job("job-1", "slurm-b", "alice", "gpu", 8, 64, 512_000, Duration.ofHours(4), 1000, T);
  }

  @Test
  void recordsRoundTripThroughJson() {
    List<Object> values = new ArrayList<>(List.of(
        cluster(),
        job(),
        new Job("pod-7", "eks-a", "ml-team", "default", 1, 2, 4096, null, -5, T),
        new WaitPrediction("job-1", 0.82, Duration.ofMinutes(47), 0.6, "logit-v3+isotonic-2"),
        new Outcome("job-1", Duration.ofSeconds(3125), 1)));
    for (Object v : values) {
      String json = AgentsJson.write(v);
      assertThat(AgentsJson.read(json, v.getClass())).as(json).isEqualTo(v);
    }
  }

  @Test
  void wireNamesAreSnakeCaseAndTimesAreIso() throws Exception {
    JsonNode c = AgentsJson.mapper().readTree(AgentsJson.write(cluster()));
    assertThat(c.fieldNames()).toIterable().containsExactly(
        "cluster_id", "scheduler_type", "nodes", "gpus_total", "gpus_available", "gpu_utilization",
        "pending_jobs", "running_jobs", "queue_depth", "observed_at");
    assertThat(c.get("observed_at").asText()).isEqualTo("2026-01-05T10:15:30Z");
    assertThat(c.get("scheduler_type").asText()).isEqualTo("KUBERNETES");
    JsonNode j = AgentsJson.mapper().readTree(AgentsJson.write(job()));
    assertThat(j.fieldNames()).toIterable().containsExactly(
        "job_id", "cluster_id", "namespace", "queue", "gpus", "cpus", "memory_mib", "requested_wall_time",
        "priority", "submit_time");
    assertThat(j.get("requested_wall_time").asText()).isEqualTo("PT4H");
    JsonNode p = AgentsJson.mapper().readTree(
        AgentsJson.write(new WaitPrediction("j", 0.5, Duration.ZERO, 1, "m")));
    assertThat(p.has("probability_long_wait")).isTrue();
    assertThat(p.has("model_version")).isTrue();
  }

  @Test
  void unknownFieldsAreIgnored() {
    String json = "{\"job_id\":\"j\",\"actual_wait\":\"PT5M\",\"label\":0,\"added_in_v2\":{\"x\":[1,2]}}";
    assertThat(AgentsJson.read(json, Outcome.class)).isEqualTo(new Outcome("j", Duration.ofMinutes(5), 0));
  }

  @Test
  void malformedJsonIsOneClearException() {
    assertThatThrownBy(() -> AgentsJson.read("{\"job_id\":\"j\",", Outcome.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Malformed Outcome JSON:")
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> AgentsJson.read("{\"job_id\":\"j\",\"actual_wait\":\"soon\",\"label\":0}", Outcome.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Outcome")
        .hasMessageContaining("actual_wait");
    assertThatThrownBy(() -> AgentsJson.read("{\"job_id\":\"j\",\"actual_wait\":\"PT1M\",\"label\":\"x\"}", Outcome.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label");
    assertThatThrownBy(() -> AgentsJson.read("{} {}", Outcome.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Malformed Outcome JSON:");
  }

  @Test
  void missingFieldsFailInsteadOfDefaulting() {
    // a missing primitive must not become 0, a missing object must not pass as null
    assertThatThrownBy(() -> AgentsJson.read("{\"job_id\":\"j\",\"actual_wait\":\"PT1M\"}", Outcome.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label");
    assertThatThrownBy(() -> AgentsJson.read("{\"job_id\":\"j\",\"label\":1}", Outcome.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actual_wait is required but was null");
  }

  @Test
  void validationFailuresInJsonNameTheFieldAndValue() {
    String json = AgentsJson.write(cluster()).replace("\"gpu_utilization\":0.9", "\"gpu_utilization\":1.5");
    assertThatThrownBy(() -> AgentsJson.read(json, ClusterState.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid ClusterState JSON: gpu_utilization must be in [0,1] but was 1.5");
  }

  @Test
  void constructorsNameFieldAndValue() {
    assertThatThrownBy(() -> new ClusterState(" ", SchedulerType.SLURM, 1, 1, 1, 0, 0, 0, 0, T))
        .hasMessage("cluster_id must not be blank but was ' '");
    assertThatThrownBy(() -> new ClusterState("c", SchedulerType.SLURM, -1, 1, 1, 0, 0, 0, 0, T))
        .hasMessage("nodes must be ≥ 0 but was -1");
    assertThatThrownBy(() -> new ClusterState("c", SchedulerType.SLURM, 1, 4, 5, 0, 0, 0, 0, T))
        .hasMessage("gpus_available must be ≤ gpus_total (4) but was 5");
    assertThatThrownBy(() -> new ClusterState("c", SchedulerType.AWS_BATCH, 1, 4, 4, Double.NaN, 0, 0, 0, T))
        .hasMessage("gpu_utilization must be in [0,1] but was NaN");
    assertThatThrownBy(() -> new Job("j", "c", "u", "q", -2, 1, 1, null, 0, T))
        .hasMessage("gpus must be ≥ 0 but was -2");
    assertThatThrownBy(() -> new Job("j", "c", "u", "q", 1, 1, 1, Duration.ofSeconds(-1), 0, T))
        .hasMessage("requested_wall_time must be ≥ 0 but was PT-1S");
    assertThatThrownBy(() -> new WaitPrediction("j", 1.01, Duration.ZERO, 0.5, "m"))
        .hasMessage("probability_long_wait must be in [0,1] but was 1.01");
    assertThatThrownBy(() -> new WaitPrediction("", 0.1, Duration.ZERO, 0.5, "m"))
        .hasMessage("job_id must not be blank but was ''");
    assertThatThrownBy(() -> new Outcome("j", Duration.ZERO, 2)).hasMessage("label must be 0 or 1 but was 2");
  }
}
