package io.vgac.tracelab.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the original authors' sample CSVs ({@code shared/data/vgac-samples}): a header, then one row per job. The
 * label column is {@code label_long_wait} (0/1); {@code raw_score} is kept apart; every other column whose values
 * are all numbers (or empty) is a feature; text columns ({@code job_type}) and identifiers/outcomes that would leak
 * the label ({@code job_id}, {@code start_epoch_ms}, {@code wait_*}) are dropped.
 */
public final class SampleCsvReader {
  /** The label column. */
  public static final String LABEL = "label_long_wait";
  /** The authors' score column. */
  public static final String RAW_SCORE = "raw_score";
  /** Columns that are identifiers or outcomes known only after the job started. */
  public static final Set<String> LEAKS = Set.of("job_id", "submit_epoch_ms", "start_epoch_ms", "wait_ms",
      "wait_seconds", "wait_minutes", "wait_threshold_p90");

  private SampleCsvReader() {}

  /**
   * Reads {@code in}.
   *
   * @throws MalformedTraceException for a missing label column, a row with the wrong field count, or a label that is
   *     not 0 or 1 (always: the samples are small, so a bad row is an error, not noise)
   */
  public static SampleTable read(BufferedReader in, String source) throws IOException {
    String head = in.readLine();
    if (head == null) {
      throw new MalformedTraceException(source, 1, "", "empty file");
    }
    if (!head.isEmpty() && head.charAt(0) == '\uFEFF') {
      head = head.substring(1);
    }
    String[] names = head.split(",", -1);
    int label = -1;
    int score = -1;
    for (int i = 0; i < names.length; i++) {
      names[i] = names[i].strip();
      if (names[i].equals(LABEL)) {
        label = i;
      } else if (names[i].equals(RAW_SCORE)) {
        score = i;
      }
    }
    if (label < 0) {
      throw new MalformedTraceException(source, 1, LABEL, "missing from the header");
    }
    List<String[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    long lineNo = 1;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != names.length) {
        throw new MalformedTraceException(source, lineNo, "", cells.length + " fields but the header has "
            + names.length);
      }
      rows.add(cells);
      lines.add(lineNo);
    }
    boolean[] numeric = new boolean[names.length];
    for (int c = 0; c < names.length; c++) {
      numeric[c] = c != label && c != score && !LEAKS.contains(names[c]);
      for (int r = 0; r < rows.size() && numeric[c]; r++) {
        String v = rows.get(r)[c].strip();
        numeric[c] = v.isEmpty() || isNumber(v);
      }
    }
    List<String> columns = new ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      if (numeric[c]) {
        columns.add(names[c]);
      }
    }
    double[][] x = new double[rows.size()][columns.size()];
    int[] y = new int[rows.size()];
    double[] s = new double[score < 0 ? 0 : rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      String[] cells = rows.get(r);
      String lv = cells[label].strip();
      if (lv.equals("1") || lv.equals("1.0")) {
        y[r] = 1;
      } else if (!(lv.equals("0") || lv.equals("0.0"))) {
        throw new MalformedTraceException(source, lines.get(r), LABEL, "not 0 or 1: '" + lv + "'");
      }
      int k = 0;
      for (int c = 0; c < names.length; c++) {
        if (numeric[c]) {
          String v = cells[c].strip();
          x[r][k++] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }
      }
      if (score >= 0) {
        try {
          s[r] = Double.parseDouble(cells[score].strip());
        } catch (NumberFormatException e) {
          throw new MalformedTraceException(source, lines.get(r), RAW_SCORE, "not a number: '" + cells[score] + "'");
        }
      }
    }
    return new SampleTable(Traces.shortName(source), columns, x, y, s);
  }

  private static boolean isNumber(String v) {
    try {
      return Double.isFinite(Double.parseDouble(v));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
