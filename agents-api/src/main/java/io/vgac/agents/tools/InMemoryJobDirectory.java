package io.vgac.agents.tools;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe in-memory {@link JobDirectory}. */
public final class InMemoryJobDirectory implements JobDirectory {
  private final ConcurrentHashMap<String, JobContext> jobs = new ConcurrentHashMap<>();

  /** Records (or replaces) the job's context. */
  public void put(JobContext job) {
    jobs.put(job.jobId(), job);
  }

  /** Records (or replaces) the job's cluster and latest probability of a long wait (NaN: none). */
  public void put(String jobId, String clusterId, double probability) {
    put(new JobContext(jobId, clusterId, probability));
  }

  /** Forgets the job (e.g. once it started). */
  public void remove(String jobId) {
    jobs.remove(jobId);
  }

  @Override
  public Optional<JobContext> find(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  public int size() {
    return jobs.size();
  }
}
