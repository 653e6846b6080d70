package io.vgac.calibration.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeasonalAnomalyDetectorTest {
  private static final long HOUR = 3_600_000L;
  /** Monday 2024-01-01 00:00 UTC. */
  private static final long MONDAY = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  private static final int SPIKE_HOURS = 1;
  private static final int SHIFT_HOURS = 72;
  /** Alarms this long after an injection ends are still its doing (the level readjusting). */
  private static final int AFTERMATH_HOURS = 24;

  @Test
  void hourOfWeekStartsOnMondayUtc() {
    assertThat(SeasonalAnomalyDetector.hourOfWeek(MONDAY)).isZero();
    assertThat(SeasonalAnomalyDetector.hourOfWeek(MONDAY + 14 * HOUR + 59_000)).isEqualTo(14);
    assertThat(SeasonalAnomalyDetector.hourOfWeek(MONDAY - 1)).isEqualTo(167);
    assertThat(SeasonalAnomalyDetector.hourOfWeek(Instant.parse("1996-09-23T12:00:31Z").toEpochMilli()))
        .as("KTH's first day, a Monday").isEqualTo(12);
  }

  @Test
  void aQuietSeasonalSeriesRaisesNoAlarm() {
    SplittableRandom random = new SplittableRandom(11);
    double[] series = seasonal(24 * 7 * 12, random);
    SeasonalAnomalyDetector d = SeasonalAnomalyDetector.ofDefaults();
    int alarms = 0;
    for (int i = 0; i < series.length; i++) {
      AnomalyScore s = d.observe(MONDAY + i * HOUR, series[i]);
      if (s.isAnomaly()) {
        System.out.println("quiet hourly alarm at hour " + i + ": " + s);
        alarms++;
      }
    }
    assertThat(alarms).isZero();
  }

  @Test
  void aQuietSeriesSampledEveryFiveMinutesRaisesNoAlarm() {
    SplittableRandom random = new SplittableRandom(12);
    SeasonalAnomalyDetector d = SeasonalAnomalyDetector.ofDefaults();
    int alarms = 0;
    for (int i = 0; i < 12 * 24 * 7 * 6; i++) {
      double h = i / 12.0;
      AnomalyScore s = d.observe(MONDAY + i * 300_000L, base(h) + 2 * gaussian(random));
      if (s.isAnomaly()) {
        System.out.println("quiet 5-min alarm at hour " + h + ": " + s);
        alarms++;
      }
    }
    assertThat(alarms).isZero();
  }

  @Test
  void findsSpikesAndLevelShiftsInASyntheticSeries() {
    SplittableRandom random = new SplittableRandom(13);
    double[] clean = seasonal(24 * 7 * 30, random);
    Result r = evaluate("synthetic", MONDAY, clean, random, 30, 10, 14 * 24, 30, 30, new boolean[clean.length]);
    assertThat(r.recall).isGreaterThanOrEqualTo(0.95);
    assertThat(r.precision).isGreaterThanOrEqualTo(0.95);
  }

  /**
   * The real series: KTH SP2's hourly queue depth (median 14 jobs, p90 28). Its robust scale is ≈ 4.2 jobs, so at the
   * default threshold of 5 the detector flags deviations beyond ≈ 21 jobs. Injected: spikes of +30 jobs for one hour
   * and level shifts of +25 jobs for three days, at seeded random times after the two-week warm-up. The clean trace
   * has alarms of its own (real bursts); precision is reported both raw and net of the alarms the clean series
   * raises at the same hours.
   */
  @Test
  void findsSpikesAndLevelShiftsInTheKthQueueDepth() {
    KthQueueDepth kth = KthQueueDepth.load();
    double[] sorted = kth.depth.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "KTH queue depth: %d hours, median %.0f, p90 %.0f, p99 %.0f, max %.0f%n",
        sorted.length, sorted[sorted.length / 2], sorted[(int) (0.9 * sorted.length)],
        sorted[(int) (0.99 * sorted.length)], sorted[sorted.length - 1]);
    boolean[] cleanAlarm = alarms(kth.hourMillis[0], kth.depth);
    int cleanAlarms = 0;
    for (boolean a : cleanAlarm) {
      cleanAlarms += a ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "KTH clean series: %d alarms in %d hours (%.2f per week)%n", cleanAlarms,
        kth.depth.length, cleanAlarms * 168.0 / kth.depth.length);
    assertThat(cleanAlarms * 168.0 / kth.depth.length).as("alarms per week on the clean trace").isLessThan(1.0);
    Result r = evaluate("KTH + injections", kth.hourMillis[0], kth.depth, new SplittableRandom(17), 60, 20, 14 * 24,
        30, 25, cleanAlarm);
    assertThat(r.recall).isGreaterThanOrEqualTo(0.85); // measured 0.906
    assertThat(r.netPrecision).isGreaterThanOrEqualTo(0.9); // measured 0.986
    assertThat(r.precision).as("raw: the trace has bursts of its own").isGreaterThanOrEqualTo(0.65); // 0.726
  }

  private static SeasonalAnomalyDetector detectorFor() {
    return new SeasonalAnomalyDetector(SeasonalAnomalyConfig.builder().minScale(1).build());
  }

  private record Result(double precision, double netPrecision, double recall) {}

  private static boolean[] alarms(long start, double[] series) {
    SeasonalAnomalyDetector d = detectorFor();
    boolean[] alarm = new boolean[series.length];
    for (int i = 0; i < series.length; i++) {
      alarm[i] = d.observe(start + i * HOUR, series[i]).isAnomaly();
    }
    return alarm;
  }

  /**
   * Injects spikes (one hour) and level shifts ({@value #SHIFT_HOURS} h) at random non-overlapping times and scores
   * the detector: recall = injections with an alarm within their first 24 h; precision = alarms during an injection
   * or the {@value #AFTERMATH_HOURS} h after it, over all alarms; net precision leaves out alarms the clean series
   * raises at the same hour (the series' own anomalies).
   */
  private static Result evaluate(String name, long firstMillis, double[] clean, SplittableRandom random, int spikes,
      int shifts, int warmUp, double spikeSize, double shiftSize, boolean[] cleanAlarm) {
    double[] series = clean.clone();
    int n = series.length;
    boolean[] taken = new boolean[n];
    List<int[]> events = new ArrayList<>(); // {start, length}
    int attempts = 0;
    while (events.size() < spikes + shifts && attempts++ < 100_000) {
      int len = events.size() < spikes ? SPIKE_HOURS : SHIFT_HOURS;
      int start = warmUp + random.nextInt(n - warmUp - len - AFTERMATH_HOURS);
      boolean free = true;
      for (int i = Math.max(0, start - 48); i < Math.min(n, start + len + AFTERMATH_HOURS + 48); i++) {
        free &= !taken[i];
      }
      if (!free) {
        continue;
      }
      for (int i = start; i < start + len + AFTERMATH_HOURS; i++) {
        taken[i] = true;
      }
      for (int i = start; i < start + len; i++) {
        series[i] += len == SPIKE_HOURS ? spikeSize : shiftSize;
      }
      events.add(new int[] {start, len});
    }
    boolean[] alarm = alarms(firstMillis, series);
    int found = 0;
    int attributable = 0;
    int total = 0;
    int own = 0;
    for (int i = 0; i < n; i++) {
      total += alarm[i] ? 1 : 0;
      own += alarm[i] && cleanAlarm[i] ? 1 : 0;
    }
    int injectedSpikes = 0;
    for (int[] e : events) {
      boolean hit = false;
      for (int i = e[0]; i < e[0] + Math.min(e[1], 24); i++) {
        hit |= alarm[i];
      }
      found += hit ? 1 : 0;
      for (int i = e[0]; i < e[0] + e[1] + AFTERMATH_HOURS; i++) {
        attributable += alarm[i] ? 1 : 0;
        own -= alarm[i] && cleanAlarm[i] ? 1 : 0; // inside an injection window: counted as found, not as own
      }
      injectedSpikes += e[1] == SPIKE_HOURS ? 1 : 0;
    }
    double recall = (double) found / events.size();
    double precision = total == 0 ? 1 : (double) attributable / total;
    double net = total - own == 0 ? 1 : (double) attributable / (total - own);
    System.out.printf(Locale.ROOT, "%s: %d injected (%d spikes of +%.0f, %d level shifts of +%.0f for %d h), "
        + "%d alarms (%d the clean series raises too): precision %.3f, net of those %.3f, recall %.3f%n", name,
        events.size(), injectedSpikes, spikeSize, events.size() - injectedSpikes, shiftSize, SHIFT_HOURS, total, own,
        precision, net, recall);
    return new Result(precision, net, recall);
  }

  @Test
  void badInputIsRefusedAndNothingIsLearned() {
    SeasonalAnomalyDetector d = SeasonalAnomalyDetector.ofDefaults();
    d.observe(MONDAY + HOUR, 5);
    assertThatThrownBy(() -> d.observe(MONDAY + 2 * HOUR, Double.NaN)).hasMessage("value must be finite but was NaN");
    assertThatThrownBy(() -> d.observe(MONDAY, 5))
        .hasMessageStartingWith("epochMillis must not be before the previous observation")
        .hasMessageEndingWith("the clock went backwards");
    assertThat(d.observations()).isEqualTo(1);
    assertThat(d.observe(MONDAY + HOUR, 5).status()).as("same time is fine").isEqualTo(AnomalyStatus.WARMING_UP);
    assertThatThrownBy(() -> SeasonalAnomalyConfig.builder().threshold(0).build())
        .hasMessage("threshold must be in (0,∞) but was 0.0");
    assertThatThrownBy(() -> SeasonalAnomalyConfig.builder().minBucketSamples(9).build())
        .hasMessage("minBucketSamples must be in [1,8] but was 9");
    assertThatThrownBy(() -> SeasonalAnomalyConfig.builder().levelSmoothing(1.5).build())
        .hasMessage("levelSmoothing must be in (0,1] but was 1.5");
  }

  private static double[] seasonal(int hours, SplittableRandom random) {
    double[] s = new double[hours];
    for (int i = 0; i < hours; i++) {
      s[i] = base(i) + 2 * gaussian(random);
    }
    return s;
  }

  /** A daily cycle peaking mid-afternoon, lower at weekends. */
  private static double base(double hour) {
    double day = (hour % 168) / 24;
    double weekend = day >= 5 ? -15 : 0;
    return 50 + 20 * Math.sin(2 * Math.PI * (hour % 24 - 8) / 24) + weekend;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
