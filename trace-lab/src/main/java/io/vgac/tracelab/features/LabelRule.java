package io.vgac.tracelab.features;

import io.vgac.tracelab.read.WaitStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a wait becomes a label: longer than a fixed number of seconds ({@code wait>600s}), or longer than the P90 of
 * the waits in the training part ({@code p90}: the original papers' label), fixed once on the training trace and then
 * applied unchanged to every other trace.
 *
 * @param fixedSeconds the threshold for a fixed rule; NaN for a quantile rule
 * @param quantile the training-part quantile for a quantile rule (0.9 for p90); NaN for a fixed rule
 */
public record LabelRule(double fixedSeconds, double quantile) {
  /** The design's label: wait &gt; 600 s. */
  public static final LabelRule DEFAULT = fixed(600);

  public LabelRule {
    if (Double.isNaN(fixedSeconds) == Double.isNaN(quantile)) {
      throw new IllegalArgumentException("exactly one of fixedSeconds and quantile must be set but were "
          + fixedSeconds + ", " + quantile);
    }
    if (!Double.isNaN(fixedSeconds) && !(fixedSeconds > 0 && Double.isFinite(fixedSeconds))) {
      throw new IllegalArgumentException("fixedSeconds must be > 0 but was " + fixedSeconds);
    }
    if (!Double.isNaN(quantile) && !(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1) but was " + quantile);
    }
  }

  public static LabelRule fixed(double seconds) {
    return new LabelRule(seconds, Double.NaN);
  }

  public static LabelRule quantile(double q) {
    return new LabelRule(Double.NaN, q);
  }

  /**
   * Parses {@code wait>600s}, {@code wait>600} or {@code p90} (any {@code pNN}).
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static LabelRule parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("wait>")) {
        String v = t.substring(5);
        if (v.endsWith("s")) {
          v = v.substring(0, v.length() - 1);
        }
        return fixed(Double.parseDouble(v));
      }
      if (t.matches("p\\d{1,2}")) {
        return quantile(Integer.parseInt(t.substring(1)) / 100.0);
      }
    } catch (IllegalArgumentException e) {
      // fall through to the message naming the forms
    }
    throw new IllegalArgumentException("not a label rule: '" + text + "' (expected wait>SECONDSs or pNN, e.g."
        + " wait>600s or p90)");
  }

  public boolean isFixed() {
    return !Double.isNaN(fixedSeconds);
  }

  /**
   * The threshold in seconds for a training part: the fixed value, or the quantile of its waits (a censored job
   * counts as a wait longer than any observed one, since it is at least that long by the trace's end).
   */
  public double threshold(List<JobSnapshot> trainingPart) {
    if (isFixed()) {
      return fixedSeconds;
    }
    double[] w = new double[trainingPart.size()];
    int k = 0;
    for (JobSnapshot s : trainingPart) {
      w[k++] = s.source().waitStatus() == WaitStatus.OBSERVED ? s.source().waitTime() : Double.POSITIVE_INFINITY;
    }
    if (k == 0) {
      throw new IllegalArgumentException("cannot take a quantile of an empty training part");
    }
    Arrays.sort(w);
    // the "lower" quantile: the smallest wait with at least q of the waits at or below it
    double v = w[Math.max(0, (int) Math.ceil(quantile * k) - 1)];
    return Double.isFinite(v) && v > 0 ? v : 1;
  }

  /** The label of one job for {@code thresholdSeconds}, the trace ending at {@code observedUntil}. */
  public static Label label(JobSnapshot s, double thresholdSeconds, double observedUntil) {
    if (s.source().waitStatus() == WaitStatus.OBSERVED) {
      return s.source().waitTime() > thresholdSeconds ? Label.LONG : Label.SHORT;
    }
    return observedUntil - s.source().submit() > thresholdSeconds ? Label.LONG : Label.UNKNOWN;
  }

  @Override
  public String toString() {
    return isFixed() ? String.format(Locale.ROOT, "wait>%.0fs", fixedSeconds)
        : String.format(Locale.ROOT, "p%.0f", quantile * 100);
  }
}
