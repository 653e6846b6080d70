package io.vgac.tracelab.replay;

import io.vgac.agents.Agents;
import io.vgac.agents.intervals.IntervalCoverage;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.InMemoryClusterTelemetry;
import io.vgac.agents.tools.WaitText;
import io.vgac.agents.workflow.ActionResult;
import io.vgac.agents.workflow.StartResult;
import io.vgac.agents.workflow.StartStatus;
import io.vgac.agents.workflow.SubmissionResult;
import io.vgac.calibration.recalibration.Calibrator;
import io.vgac.calibration.tracker.DetectorAlarm;
import io.vgac.calibration.tracker.StateTransition;
import io.vgac.calibration.tracker.TrackerListener;
import io.vgac.tracelab.features.JobSnapshot;
import io.vgac.tracelab.read.WaitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Replays phases, one environment after another, through {@link Agents}: in each phase, start events and
 * submissions in time order (a start at the same second as a submission first, as the sweep counted it), the clock set
 * to each event's time. A submission first puts the job's snapshot state into the in-memory telemetry, so the
 * predictor sees exactly the state trace-lab computed. Each phase is shifted by whole weeks to follow the previous
 * one on a single timeline (hour of day and weekday, which the model uses, are unchanged).
 *
 * <p>When a start reports {@code recalibrationRequested}, the operator ({@link RecalibratingPredictor#refit}) refits
 * the environment's calibrator as soon as {@code minRecalibrationSamples} labelled outcomes are at hand and records it
 * on the tracker ({@code recalibrated}); the agents then earn autonomy back on fresh labels, or not.
 *
 * <p>Build the agents with {@link #listener()} as the trackers' listener to see transitions and alarms as
 * {@link ReplayEvent}s. Not thread-safe: one replay per instance.
 */
public final class AgentReplay {
  private static final long WEEK = Duration.ofDays(7).toSeconds();
  private static final int EXAMPLES = 3;
  private static final int EXAMPLE_EVERY = 700;

  private final List<ReplayEvent> events = new CopyOnWriteArrayList<>();
  private final Map<String, EnvironmentTally> tallies = new LinkedHashMap<>();
  private final int minRecalibrationSamples;
  private final ReplayClock clock;
  private final TrackerListener listener = new TrackerListener() {
    @Override
    public void onAlarm(DetectorAlarm alarm) {
      EnvironmentTally t = tallies.get(alarm.envId());
      if (t != null) {
        t.driftAlarms++;
      }
      events.add(new ReplayEvent(Instant.ofEpochMilli(alarm.timeMillis()), alarm.envId(),
          ReplayEvent.Kind.DRIFT_ALARM, alarm.detector() + " alarm (" + alarm.direction().name().toLowerCase(
              Locale.ROOT) + "-confident)", alarm.sampleIndex()));
    }

    @Override
    public void onTransition(String envId, StateTransition tr) {
      events.add(new ReplayEvent(Instant.ofEpochMilli(tr.timeMillis()), envId, ReplayEvent.Kind.TRANSITION,
          tr.from() + " → " + tr.to() + " (" + tr.trigger() + ")", tr.sampleCount()));
    }
  };

  /**
   * @param clock the agents' clock (the replay moves it)
   * @param minRecalibrationSamples labelled outcomes needed before a requested refit is done (≥ 2)
   */
  public AgentReplay(ReplayClock clock, int minRecalibrationSamples) {
    if (minRecalibrationSamples < 2) {
      throw new IllegalArgumentException("minRecalibrationSamples must be ≥ 2 but was " + minRecalibrationSamples);
    }
    this.clock = clock;
    this.minRecalibrationSamples = minRecalibrationSamples;
  }

  /** The trackers' listener that turns transitions and alarms into {@link #events()}. */
  public TrackerListener listener() {
    return listener;
  }

  /** Milestones so far, in order. */
  public List<ReplayEvent> events() {
    return List.copyOf(events);
  }

  /** Per-environment counts, in phase order. */
  public Map<String, EnvironmentTally> tallies() {
    return Map.copyOf(tallies);
  }

  /** The tally of {@code env}. */
  public EnvironmentTally tally(String env) {
    return tallies.get(env);
  }

  /** Environments in phase order. */
  public List<String> environments() {
    return List.copyOf(tallies.keySet());
  }

  /**
   * Replays {@code phases} in order.
   *
   * @param progress called with the number of events done so far (of {@link #eventCount})
   */
  public void run(Agents agents, InMemoryClusterTelemetry telemetry, RecalibratingPredictor predictor,
      List<ReplayPhase> phases, Consumer<Integer> progress) {
    long previousEnd = Long.MIN_VALUE;
    int done = 0;
    for (ReplayPhase phase : phases) {
      List<JobSnapshot> snaps = phase.swept().snapshots().subList(phase.from(), phase.to());
      long epoch = phase.swept().trace().epochOffsetSeconds();
      long firstSubmit = epoch + snaps.get(0).source().submit();
      long shift = 0;
      if (previousEnd != Long.MIN_VALUE && firstSubmit <= previousEnd) {
        shift = ((previousEnd - firstSubmit) / WEEK + 1) * WEEK;
      }
      String env = phase.env();
      EnvironmentTally tally = tallies.computeIfAbsent(env, EnvironmentTally::new);
      events.add(new ReplayEvent(Instant.ofEpochSecond(firstSubmit + shift), env, ReplayEvent.Kind.NEW_ENVIRONMENT,
          "new environment " + env + " (" + phase.swept().name() + ", " + phase.jobs() + " jobs): learning mode",
          0));
      // events: 2k = submit of job k, 2k+1 = its start; sorted by time, starts first at a tie
      int n = snaps.size();
      long[] time = new long[2 * n];
      Integer[] order = new Integer[2 * n];
      int m = 0;
      for (int k = 0; k < n; k++) {
        JobSnapshot s = snaps.get(k);
        time[2 * k] = epoch + s.source().submit() + shift;
        order[m++] = 2 * k;
        if (s.source().waitStatus() == WaitStatus.OBSERVED) {
          time[2 * k + 1] = epoch + (long) Math.ceil(s.source().start()) + shift;
          order[m++] = 2 * k + 1;
        }
      }
      Integer[] ev = Arrays.copyOf(order, m);
      Arrays.sort(ev, (a, b) -> {
        int c = Long.compare(time[a], time[b]);
        if (c != 0) {
          return c;
        }
        int ka = a & 1;
        int kb = b & 1;
        return ka != kb ? Integer.compare(kb, ka) : Integer.compare(a, b);
      });
      Map<String, Double> rawP = new HashMap<>();
      boolean recalibrationPending = false;
      for (int e : ev) {
        JobSnapshot s = snaps.get(e >> 1);
        Instant t = Instant.ofEpochSecond(time[e]);
        clock.set(t);
        if ((e & 1) == 0) {
          Job job = shifted(s.job(), env, shift);
          ClusterState state = shifted(s.state(), env, shift);
          telemetry.put(state);
          rawP.put(job.jobId(), predictor.rawProbability(job, state));
          SubmissionResult r = agents.submit(job);
          tally.submitted++;
          if (r.prediction() != null) {
            tally.predicted++;
            if (tally.examples.size() < EXAMPLES && tally.submitted % EXAMPLE_EVERY == 0) {
              IntervalCoverage c = r.evidence() == null ? null : r.evidence().intervals();
              tally.examples.add(WaitText.prediction(r.prediction(), c == null ? Double.NaN : c.coverage(),
                  r.evidence() == null ? Double.NaN : r.evidence().calibrationScore()));
            }
          }
          tally.jobsByScope.merge(r.scope(), 1L, Long::sum);
          for (ActionResult a : r.actions()) {
            switch (a.decision()) {
              case EXECUTE -> tally.executed++;
              case EXECUTE_AND_NOTIFY -> tally.notified++;
              case ESCALATE -> tally.escalated++;
              default -> tally.denied++;
            }
          }
        } else {
          StartResult r = agents.start(env, s.job().jobId(), t);
          Double raw = rawP.remove(s.job().jobId());
          if (r.status() == StartStatus.RECORDED && r.outcome() != null && raw != null) {
            tally.outcomes++;
            tally.score(r.p(), r.outcome().label());
            predictor.observe(env, raw, r.outcome().label());
          }
          if (r.recalibrationRequested()) {
            recalibrationPending = true;
            events.add(new ReplayEvent(t, env, ReplayEvent.Kind.RECALIBRATION_REQUESTED,
                "recalibration requested", agents.trackers().tracker(env).sampleCount()));
          }
          if (recalibrationPending) {
            Calibrator c = predictor.refit(env, minRecalibrationSamples);
            if (c != null) {
              recalibrationPending = false;
              agents.trackers().recalibrated(env, c.method());
              tally.recalibrations++;
              events.add(new ReplayEvent(t, env, ReplayEvent.Kind.RECALIBRATED, c.method() + " refitted on the last "
                  + predictor.available(env) + " labelled jobs", agents.trackers().tracker(env).sampleCount()));
            }
          }
        }
        progress.accept(++done);
      }
      previousEnd = time[ev[ev.length - 1]];
    }
  }

  /** Submit and start events of {@code phases} (for a progress bar). */
  public static int eventCount(List<ReplayPhase> phases) {
    int c = 0;
    for (ReplayPhase p : phases) {
      for (JobSnapshot s : p.swept().snapshots().subList(p.from(), p.to())) {
        c += s.source().waitStatus() == WaitStatus.OBSERVED ? 2 : 1;
      }
    }
    return c;
  }

  static Job shifted(Job j, String env, long shift) {
    return new Job(j.jobId(), env, j.namespace(), j.queue(), j.gpus(), j.cpus(), j.memoryMib(),
        j.requestedWallTime(), j.priority(), j.submitTime().plusSeconds(shift));
  }

  static ClusterState shifted(ClusterState s, String env, long shift) {
    return new ClusterState(env, s.schedulerType(), s.nodes(), s.gpusTotal(), s.gpusAvailable(), s.gpuUtilization(),
        s.pendingJobs(), s.runningJobs(), s.queueDepth(), s.observedAt().plusSeconds(shift));
  }

  /** For reports: the events of one environment. */
  public List<ReplayEvent> events(String env) {
    List<ReplayEvent> out = new ArrayList<>();
    for (ReplayEvent e : events) {
      if (e.env().equals(env)) {
        out.add(e);
      }
    }
    return out;
  }
}
