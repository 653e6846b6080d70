package io.vgac.agents.tools;

import io.vgac.agents.model.WaitInterval;
import io.vgac.agents.model.WaitPrediction;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Human text for wait predictions, shared by the Slack adapter and the CLI:
 * {@code "Job 42 will start in ~45 min (80% interval 12–95 min; calibration 91%)"}. Durations are rounded to the
 * unit that suits them (s under 2 min, min under 2 h, h under 2 days, then days); an interval's two ends share the
 * unit of its upper end.
 */
public final class WaitText {
  private WaitText() {}

  /**
   * The sentence for one prediction.
   *
   * @param realisedCoverage the environment's realised interval coverage (shown instead of the nominal one when
   *     known), NaN when unknown
   * @param calibrationScore the environment's calibration score in [0,1], NaN when unknown (then left out)
   */
  public static String prediction(WaitPrediction p, double realisedCoverage, double calibrationScore) {
    StringBuilder sb = new StringBuilder();
    sb.append("Job ").append(p.jobId()).append(" will start in ~")
        .append(duration(p.estimatedWait().toNanos() / 1e9));
    String details = details(p.interval(), realisedCoverage, calibrationScore);
    if (!details.isEmpty()) {
      sb.append(" (").append(details).append(')');
    }
    return sb.toString();
  }

  /** {@link #prediction(WaitPrediction, double, double)} without a realised coverage. */
  public static String prediction(WaitPrediction p, double calibrationScore) {
    return prediction(p, Double.NaN, calibrationScore);
  }

  private static String details(@Nullable WaitInterval i, double realised, double calibration) {
    StringBuilder sb = new StringBuilder();
    if (i != null) {
      sb.append(String.format(Locale.ROOT, "%.0f%% interval %s", 100 * i.coverage(), interval(i.lo(), i.hi())));
      if (Double.isFinite(realised)) {
        sb.append(String.format(Locale.ROOT, ", %.0f%% realised", 100 * realised));
      }
    }
    if (Double.isFinite(calibration)) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(String.format(Locale.ROOT, "calibration %.0f%%", 100 * calibration));
    }
    return sb.toString();
  }

  /** {@code "12–95 min"}: both ends in the unit of the upper end. */
  public static String interval(double loSeconds, double hiSeconds) {
    Unit u = Unit.of(hiSeconds);
    return u.format(loSeconds) + "–" + u.format(hiSeconds) + " " + u.symbol;
  }

  /** {@code "45 s"}, {@code "45 min"}, {@code "3.5 h"}, {@code "2.1 days"}; {@code "n/a"} for NaN. */
  public static String duration(double seconds) {
    if (Double.isNaN(seconds)) {
      return "n/a";
    }
    if (seconds == Double.POSITIVE_INFINITY) {
      return "∞";
    }
    Unit u = Unit.of(seconds);
    return u.format(seconds) + " " + u.symbol;
  }

  private enum Unit {
    SECONDS("s", 1),
    MINUTES("min", 60),
    HOURS("h", 3600),
    DAYS("days", 86_400);

    final String symbol;
    final double seconds;

    Unit(String symbol, double seconds) {
      this.symbol = symbol;
      this.seconds = seconds;
    }

    static Unit of(double s) {
      return s < 120 ? SECONDS : s < 7200 ? MINUTES : s < 172_800 ? HOURS : DAYS;
    }

    String format(double s) {
      double v = s / seconds;
      return this == SECONDS || this == MINUTES || v >= 10 ? String.format(Locale.ROOT, "%.0f", v)
          : String.format(Locale.ROOT, "%.1f", v);
    }
  }
}
