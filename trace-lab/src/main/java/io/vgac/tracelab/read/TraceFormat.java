package io.vgac.tracelab.read;

import java.util.Locale;

/** The trace formats trace-lab reads. */
public enum TraceFormat {
  /** Standard Workload Format (Parallel Workloads Archive), {@code .swf} or {@code .swf.gz}. */
  SWF,
  /** The Alibaba GPU 2023 pod list (CSV), {@code .csv} or {@code .csv.gz}. */
  ALIBABA_PODS;

  /** The format a file name says, ignoring a {@code .gz} suffix. */
  public static TraceFormat fromFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".swf")) {
      return SWF;
    }
    if (n.endsWith(".csv")) {
      return ALIBABA_PODS;
    }
    throw new IllegalArgumentException("Not a trace file name: '" + name + "' (expected *.swf, *.swf.gz, *.csv or"
        + " *.csv.gz)");
  }
}
