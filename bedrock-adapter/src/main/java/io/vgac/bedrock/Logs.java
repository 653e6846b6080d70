package io.vgac.bedrock;

/** Makes strings from the cluster or the model safe to log: no control characters (no forged log lines), bounded. */
final class Logs {
  private static final int MAX = 200;

  private Logs() {}

  static String safe(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX + 1));
    for (int i = 0; i < s.length(); i++) {
      if (b.length() >= MAX) {
        b.append('…');
        break;
      }
      char ch = s.charAt(i);
      b.append(Character.isISOControl(ch) ? '?' : ch);
    }
    return b.toString();
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
