package io.vgac.calibration.anomaly;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * A test-only SWF reading (the real reader belongs to trace-lab): the hourly queue depth of the KTH SP2 log — at
 * each hour boundary, the jobs submitted and not yet started (SWF field 2 submit time, field 3 wait time; jobs with an
 * unknown wait are left out). Times are epoch ms from the header's UnixStartTime.
 */
final class KthQueueDepth {
  static final String RESOURCE = "/traces/KTH-SP2-1996-2.1-cln.swf.gz";

  final long[] hourMillis;
  final double[] depth;

  private KthQueueDepth(long[] hourMillis, double[] depth) {
    this.hourMillis = hourMillis;
    this.depth = depth;
  }

  static KthQueueDepth load() {
    long unixStart = 0;
    List<long[]> jobs = new ArrayList<>(); // {submit, start} in seconds since the log's start
    try (InputStream in = Objects.requireNonNull(KthQueueDepth.class.getResourceAsStream(RESOURCE), RESOURCE);
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
            StandardCharsets.US_ASCII))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.trim();
        if (t.startsWith(";")) {
          if (t.startsWith("; UnixStartTime:")) {
            unixStart = Long.parseLong(t.substring("; UnixStartTime:".length()).trim());
          }
          continue;
        }
        if (t.isEmpty()) {
          continue;
        }
        String[] f = t.split("\\s+");
        long submit = Long.parseLong(f[1]);
        long wait = Long.parseLong(f[2]);
        if (submit >= 0 && wait >= 0) {
          jobs.add(new long[] {submit, submit + wait});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (long[] j : jobs) {
      first = Math.min(first, j[0]);
      last = Math.max(last, j[1]);
    }
    long firstHour = Math.floorDiv(unixStart + first, 3600) + 1;
    long lastHour = Math.floorDiv(unixStart + last, 3600);
    int n = (int) (lastHour - firstHour + 1);
    // Pending at boundary b (s) iff submit ≤ b < start: +1 from the first boundary at or after the submit, −1 from
    // the first boundary at or after the start (a difference array, summed per hour).
    double[] delta = new double[n + 1];
    for (long[] j : jobs) {
      long fromHour = ceilDiv(unixStart + j[0], 3600);
      long toHour = ceilDiv(unixStart + j[1], 3600);
      int a = (int) Math.max(0, fromHour - firstHour);
      int b = (int) Math.min(n, toHour - firstHour);
      if (a < b) {
        delta[a]++;
        delta[b]--;
      }
    }
    long[] hours = new long[n];
    double[] depth = new double[n];
    double running = 0;
    for (int i = 0; i < n; i++) {
      running += delta[i];
      hours[i] = (firstHour + i) * 3_600_000L;
      depth[i] = running;
    }
    return new KthQueueDepth(hours, depth);
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }
}
