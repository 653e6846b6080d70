package io.vgac.examples;

import io.vgac.agents.Agents;
import io.vgac.agents.approvals.ApprovedExecution;
import io.vgac.agents.approvals.PendingApproval;
import io.vgac.agents.gate.PriorityLevel;
import io.vgac.agents.gate.SchedulerActions;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.workflow.SubmissionResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Wiring your own {@link SchedulerActions} into {@code Agents.builder()}: {@link CommandLineActions} turns each
 * action into the {@code scontrol} or {@code kubectl} command line that would carry it out, and only collects it. A
 * real adapter would run it (e.g. with {@link ProcessBuilder}); it may throw, and the gate's decision stands.
 *
 * <p>The gate is the only path to your adapter: under AUTONOMOUS scope the hold reaches it at once; under ESCALATE
 * (here: a cluster still learning) nothing does, until a human approves — and even then it goes through the gate.
 *
 * <p>Run: {@code mvn -q -pl examples -am test -Dtest=CustomSchedulerActionsExampleTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
public final class CustomSchedulerActionsExample {
  private CustomSchedulerActionsExample() {}

  /**
   * A {@link SchedulerActions} that speaks each cluster's command line. Job ids are Slurm job ids, or
   * {@code namespace/name} of a Kubernetes Job (queued by Kueue). Thread-safe.
   */
  public static final class CommandLineActions implements SchedulerActions {
    private final Map<String, SchedulerType> clusters;
    private final List<List<String>> commands = new ArrayList<>();

    /** @param clusters which scheduler runs each cluster (Slurm and Kubernetes here) */
    public CommandLineActions(Map<String, SchedulerType> clusters) {
      this.clusters = Map.copyOf(clusters);
    }

    @Override
    public void requeue(String cluster, String jobId, String targetQueue) {
      run(slurm(cluster)
          ? List.of("scontrol", "-M", cluster, "update", "JobId=" + jobId, "Partition=" + targetQueue)
          : kubectl(cluster, jobId, "label", "kueue.x-k8s.io/queue-name=" + targetQueue, "--overwrite"));
    }

    @Override
    public void adjustPriority(String cluster, String jobId, PriorityLevel priority) {
      // each scheduler has its own scale: Slurm's nice value, a Kueue WorkloadPriorityClass per level
      int nice = switch (priority) {
        case LOW -> 10_000;
        case NORMAL -> 0;
        case HIGH -> -5_000;
        case CRITICAL -> -10_000;
      };
      run(slurm(cluster)
          ? List.of("scontrol", "-M", cluster, "update", "JobId=" + jobId, "Nice=" + nice)
          : kubectl(cluster, jobId, "label",
              "kueue.x-k8s.io/priority-class=vgac-" + priority.name().toLowerCase(Locale.ROOT),
              "--overwrite"));
    }

    @Override
    public void annotate(String cluster, String jobId, String key, String value) {
      run(slurm(cluster)
          ? List.of("scontrol", "-M", cluster, "update", "JobId=" + jobId, "Comment=" + key + "=" + value)
          : kubectl(cluster, jobId, "annotate", key + "=" + value, "--overwrite"));
    }

    @Override
    public void hold(String cluster, String jobId, String reason) {
      // the reason is in the decision log and the approval; the schedulers record their own hold reason
      run(slurm(cluster)
          ? List.of("scontrol", "-M", cluster, "hold", jobId)
          : kubectl(cluster, jobId, "patch", "--type=merge", "-p", "{\"spec\":{\"suspend\":true}}"));
    }

    /** The command lines so far, oldest first, each as its argument vector. */
    public synchronized List<List<String>> commands() {
      return List.copyOf(commands);
    }

    private boolean slurm(String cluster) {
      SchedulerType t = clusters.get(cluster);
      if (t == null) {
        throw new IllegalArgumentException("No scheduler configured for cluster '" + cluster + "'");
      }
      return t == SchedulerType.SLURM;
    }

    private static List<String> kubectl(String cluster, String jobId, String verb, String... args) {
      String[] nsName = jobId.split("/", 2);
      List<String> cmd = new ArrayList<>(List.of("kubectl", "--context", cluster, "-n", nsName[0], verb, "job",
          nsName[1]));
      cmd.addAll(List.of(args));
      return List.copyOf(cmd);
    }

    private synchronized void run(List<String> command) {
      commands.add(command); // a real adapter: new ProcessBuilder(command).inheritIO().start().waitFor()
    }
  }

  /** What {@link #run} did: the command lines, the submissions, and the execution of the human-approved hold. */
  public record Demo(
      List<List<String>> commands, SubmissionResult autonomous, SubmissionResult escalated,
      ApprovedExecution approved) {}

  /**
   * A busy Slurm cluster with a record of calibrated predictions (AUTONOMOUS) and a busy Kubernetes cluster still
   * learning (ESCALATE). One large GPU job is submitted to each; the rule-based planner proposes a hold for both.
   * Then a human approves the escalated hold.
   */
  public static Demo run(Clock clock) {
    CommandLineActions cli = new CommandLineActions(
        Map.of("slurm-a100", SchedulerType.SLURM, "eks-new", SchedulerType.KUBERNETES));
    Agents agents = Agents.builder().clock(clock).scheduler(cli).build(); // every other SPI: the default
    Instant now = clock.instant();
    agents.inMemoryTelemetry().orElseThrow().put(ExampleClusters.busy("slurm-a100", SchedulerType.SLURM, now));
    agents.inMemoryTelemetry().orElseThrow().put(ExampleClusters.busy("eks-new", SchedulerType.KUBERNETES, now));
    ExampleClusters.recordCalibratedHistory(agents.trackers(), "slurm-a100", 1000);
    ExampleClusters.recordCalibratedHistory(agents.trackers(), "eks-new", 24);

    SubmissionResult autonomous = agents.submit(job("4711", "slurm-a100", now));
    SubmissionResult escalated = agents.submit(job("ml-team/train-llm", "eks-new", now));

    PendingApproval pending = agents.approvals().pending().get(0);
    PendingApproval approved = Objects.requireNonNull(
        agents.approvals().approve(pending.id(), "alice", "queue is full, hold it").approval());
    ApprovedExecution execution = agents.approvedActions().execute(approved); // through the gate again
    return new Demo(cli.commands(), autonomous, escalated, execution);
  }

  private static Job job(String id, String cluster, Instant now) {
    return new Job(id, cluster, "ml-team", "a100", 16, 128, 1_000_000, Duration.ofHours(24), 0, now);
  }

  public static void main(String[] args) {
    Demo d = run(Clock.systemUTC());
    System.out.println("slurm-a100 (AUTONOMOUS): " + d.autonomous().actions().get(0).decision());
    System.out.println("eks-new (learning):      " + d.escalated().actions().get(0).decision());
    System.out.println("after approval:          " + d.approved().status());
    d.commands().forEach(c -> System.out.println("  $ " + String.join(" ", c)));
  }
}
