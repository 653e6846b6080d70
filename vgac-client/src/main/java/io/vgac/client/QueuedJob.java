package io.vgac.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.model.Job;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code GET /api/jobs/queue}.
 *
 * <p>Besides the contract's fields ({@code job_id}, {@code name}, {@code namespace}, {@code queue}, {@code state},
 * {@code gpus}, {@code priority}, {@code submitted_at}, {@code started_at}) the client reads, when present, the
 * request fields of the job spec: {@code cpu} (millicores), {@code memory_gb} and
 * {@code estimated_duration_minutes}. Absent: namespace and queue {@code "default"}, counts 0, no wall time.
 *
 * @param job the job, in the platform's cluster
 * @param name the job's name; empty when not reported
 * @param state its state on the platform
 * @param startedAt when it started; null when not started (or not reported)
 */
public record QueuedJob(Job job, String name, JobState state, @Nullable Instant startedAt) {

  static QueuedJob from(JsonNode n, String clusterId) {
    Fields.object(n, "queued job");
    String id = Fields.text(n, "job_id");
    try {
      String namespace = orDefault(Fields.optionalText(n, "namespace"));
      String queue = orDefault(Fields.optionalText(n, "queue"));
      double cpuMillis = Fields.number(n, "cpu", 0);
      double memoryGb = Fields.number(n, "memory_gb", 0);
      int minutes = Fields.integer(n, "estimated_duration_minutes", -1);
      Instant submitted = Fields.instant(n, "submitted_at");
      if (submitted == null) {
        throw new IllegalArgumentException("field 'submitted_at' is required but was absent or null");
      }
      Job job = new Job(id, clusterId, namespace, queue, Fields.integer(n, "gpus", 0),
          (int) Math.ceil(cpuMillis / 1000.0), Math.round(memoryGb * 1024), minutes < 0 ? null : Duration.ofMinutes(minutes),
          Fields.integer(n, "priority", 0), submitted);
      String name = Fields.optionalText(n, "name");
      return new QueuedJob(job, name == null ? "" : name, JobState.fromWire(Fields.optionalText(n, "state")),
          Fields.instant(n, "started_at"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("job '" + id + "': " + e.getMessage(), e);
    }
  }

  private static String orDefault(@Nullable String s) {
    return s == null || s.isBlank() ? "default" : s;
  }
}
