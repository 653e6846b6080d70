package io.vgac.tracelab.read;

/**
 * Splits a line into fields without regular expressions or per-field strings (the 312k-job logs are parsed in well
 * under a second): {@link #split} records the field boundaries, the typed getters parse in place.
 */
final class LineFields {
  private final int[] starts;
  private final int[] ends;
  private String line = "";
  private int count;

  LineFields(int maxFields) {
    starts = new int[maxFields + 1];
    ends = new int[maxFields + 1];
  }

  /** Whitespace-separated fields; returns the count (capped at max + 1, which means "too many"). */
  int splitWhitespace(String s) {
    line = s;
    count = 0;
    int n = s.length();
    int i = 0;
    while (i < n && count < starts.length) {
      while (i < n && isSpace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && !isSpace(s.charAt(i))) {
        i++;
      }
      starts[count] = start;
      ends[count] = i;
      count++;
    }
    return count;
  }

  /** Comma-separated fields (no quoting: the pod CSV has none); returns the count (capped at max + 1). */
  int splitComma(String s) {
    line = s;
    count = 0;
    int start = 0;
    int n = s.length();
    while (count < starts.length) {
      int comma = s.indexOf(',', start);
      int end = comma < 0 ? n : comma;
      starts[count] = start;
      ends[count] = end;
      count++;
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    return count;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  String text(int i) {
    return line.substring(starts[i], ends[i]).strip();
  }

  boolean isEmpty(int i) {
    return text(i).isEmpty();
  }

  /**
   * The field as a number: integers are parsed by hand, anything else by {@link Double#parseDouble}.
   *
   * @throws NumberFormatException when it is not a finite decimal number
   */
  double number(int i) {
    int s = starts[i];
    int e = ends[i];
    while (s < e && line.charAt(s) == ' ') {
      s++;
    }
    while (e > s && line.charAt(e - 1) == ' ') {
      e--;
    }
    if (s == e) {
      throw new NumberFormatException("empty");
    }
    boolean negative = line.charAt(s) == '-';
    int d = negative || line.charAt(s) == '+' ? s + 1 : s;
    if (d < e && e - d <= 17) {
      long v = 0;
      int k = d;
      for (; k < e; k++) {
        char c = line.charAt(k);
        if (c < '0' || c > '9') {
          break;
        }
        v = v * 10 + (c - '0');
      }
      if (k == e) {
        return negative ? -v : v;
      }
    }
    double v = Double.parseDouble(line.substring(s, e));
    if (!Double.isFinite(v)) {
      throw new NumberFormatException("not finite");
    }
    return v;
  }
}
