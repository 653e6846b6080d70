package io.vgac.tracelab.eval;

import io.vgac.agents.intervals.IntervalController;
import io.vgac.agents.intervals.IntervalControllerConfig;
import io.vgac.agents.intervals.IntervalOutcome;
import io.vgac.agents.model.WaitInterval;
import io.vgac.calibration.Interval;
import io.vgac.tracelab.features.JobSnapshot;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.WaitIntervalModel;
import io.vgac.tracelab.read.WaitStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Wait intervals of a model trained on one trace, run on every replayable job of another: the static
 * split-conformal interval, and the online {@link IntervalController} fed in event-time order with late labels — a
 * job is given its interval at submission, and its wait teaches the controller only at {@code submit + wait}, when it
 * starts (a job still pending at the trace's end never does). At equal times, starts of earlier jobs come first, then
 * submissions, then the starts of jobs submitted that very second (a zero wait). Censored jobs are given intervals but
 * never scored.
 *
 * @param config the controller's settings
 */
public record IntervalTransfer(IntervalControllerConfig config) {

  /** Both results on {@code test}: {@code [static, adaptive]}. */
  public List<IntervalResult> run(WaitIntervalModel model, SweptTrace test) {
    List<JobSnapshot> snaps = test.snapshots();
    int n = snaps.size();
    double[] point = new double[n];
    for (int k = 0; k < n; k++) {
      point[k] = model.pointSeconds(model.features().values(snaps.get(k)));
    }
    // static: every observed job against the training radius
    double nominal = model.calibration().coverage();
    double[] staticWidths = new double[n];
    int sn = 0;
    int scovered = 0;
    int sunbounded = 0;
    for (int k = 0; k < n; k++) {
      JobSnapshot s = snaps.get(k);
      if (s.source().waitStatus() != WaitStatus.OBSERVED) {
        continue;
      }
      Interval i = model.calibration().interval(point[k]);
      if (!Double.isFinite(i.hi())) {
        sunbounded++;
        continue;
      }
      staticWidths[sn++] = i.width();
      if (i.contains(s.source().waitTime())) {
        scovered++;
      }
    }
    IntervalResult stat = result("static", nominal, scovered, Arrays.copyOf(staticWidths, sn), sunbounded);
    // adaptive: events in time order, labels late
    IntervalController c = new IntervalController(config, model.calibrationResiduals());
    String env = test.name();
    Integer[] order = events(snaps);
    double[] widths = new double[n];
    int an = 0;
    int acovered = 0;
    int aunbounded = 0;
    double[] width = new double[n];
    for (int e : order) {
      JobSnapshot s = snaps.get(e >> 1);
      String id = Integer.toString(e >> 1);
      if ((e & 1) == 0) {
        Instant at = Instant.ofEpochSecond(s.source().submit());
        Optional<WaitInterval> i = c.issue(env, id, point[e >> 1], at).interval();
        width[e >> 1] = i.map(WaitInterval::width).orElse(Double.NaN);
      } else {
        double start = s.source().start();
        Instant at = Instant.ofEpochSecond((long) Math.floor(start), (long) ((start - Math.floor(start)) * 1e9));
        IntervalOutcome o = c.outcome(env, id, s.source().waitTime(), at);
        switch (o) {
          case COVERED -> {
            acovered++;
            widths[an++] = width[e >> 1];
          }
          case MISSED -> widths[an++] = width[e >> 1];
          case UNBOUNDED -> aunbounded++;
          default -> throw new IllegalStateException("event of job " + id + " skipped: " + o);
        }
      }
    }
    IntervalResult adaptive = result("adaptive", nominal, acovered, Arrays.copyOf(widths, an), aunbounded);
    return List.of(stat, adaptive);
  }

  /** Event codes {@code 2k} (submit of job k) and {@code 2k+1} (its start), in the class comment's order. */
  public static Integer[] events(List<JobSnapshot> snaps) {
    int n = snaps.size();
    Integer[] ev = new Integer[2 * n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      ev[m++] = 2 * k;
      if (snaps.get(k).source().waitStatus() == WaitStatus.OBSERVED) {
        ev[m++] = 2 * k + 1;
      }
    }
    Integer[] out = Arrays.copyOf(ev, m);
    Arrays.sort(out, (a, b) -> {
      double ta = time(snaps, a);
      double tb = time(snaps, b);
      int c = Double.compare(ta, tb);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(rank(snaps, a, ta), rank(snaps, b, tb));
      return c != 0 ? c : Integer.compare(a, b);
    });
    return out;
  }

  private static double time(List<JobSnapshot> snaps, int e) {
    JobSnapshot s = snaps.get(e >> 1);
    return (e & 1) == 0 ? s.source().submit() : s.source().start();
  }

  /** 0 = start of an earlier job, 1 = submission, 2 = start of a job submitted at this time. */
  private static int rank(List<JobSnapshot> snaps, int e, double t) {
    if ((e & 1) == 0) {
      return 1;
    }
    return snaps.get(e >> 1).source().submit() < t ? 0 : 2;
  }

  private static IntervalResult result(String method, double nominal, int covered, double[] widths, int unbounded) {
    int n = widths.length;
    if (n == 0) {
      return new IntervalResult(method, nominal, 0, Double.NaN, Double.NaN, unbounded);
    }
    double[] w = widths.clone();
    Arrays.sort(w);
    double median = n % 2 == 1 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
    return new IntervalResult(method, nominal, n, (double) covered / n, median, unbounded);
  }
}
