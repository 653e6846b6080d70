package io.vgac.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The parsed options of one command: {@code --name value} or {@code --name=value}, each at most once, plus
 * {@code --help}/{@code -h}. Positional arguments and unknown options are usage errors, so a typo never passes
 * silently. The typed getters validate and name the option, the value and the valid range.
 */
public final class Args {
  private final Map<String, String> values;
  private final boolean help;

  private Args(Map<String, String> values, boolean help) {
    this.values = values;
    this.help = help;
  }

  /** Parses {@code args} against the options that take a value. */
  public static Args parse(List<String> args, Set<String> valueOptions) throws UsageException {
    Map<String, String> values = new HashMap<>();
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!valueOptions.contains(name)) {
        throw new UsageException("unknown option '" + name + "'" + suggestion(name, valueOptions));
      }
      if (value == null) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new UsageException(name + " needs a value");
        }
        value = args.get(++i);
      }
      if (values.putIfAbsent(name, value) != null) {
        throw new UsageException(name + " given more than once");
      }
    }
    return new Args(values, help);
  }

  private static String suggestion(String name, Set<String> known) {
    List<String> close = new ArrayList<>();
    String bare = name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    for (String k : new TreeSet<>(known)) {
      String kb = k.substring(2);
      if (!bare.isEmpty() && (kb.startsWith(bare) || bare.startsWith(kb))) {
        close.add(k);
      }
    }
    return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
  }

  public boolean helpRequested() {
    return help;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public @Nullable String optional(String name) {
    return values.get(name);
  }

  public String required(String name) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException(name + " is required");
    }
    if (v.isEmpty()) {
      throw new UsageException(name + " must not be empty");
    }
    return v;
  }

  public String string(String name, String defaultValue) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    if (v.isEmpty()) {
      throw new UsageException(name + " must not be empty");
    }
    return v;
  }

  /** An integer option in {@code [min, max]}. */
  public int intIn(String name, int defaultValue, int min, int max) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(v.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the one message that names the range
    }
    throw new UsageException(name + " must be an integer in [" + min + ", " + max + "] but was '" + v + "'");
  }

  /** A 64-bit integer option. */
  public long longValue(String name, long defaultValue) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a 64-bit integer but was '" + v + "'");
    }
  }

  /** One of a fixed set of words (case-insensitive); returns the allowed spelling. */
  public String choice(String name, String defaultValue, List<String> allowed) throws UsageException {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v.trim())) {
        return a;
      }
    }
    throw new UsageException(name + " must be one of " + String.join("|", allowed) + " but was '" + v + "'");
  }
}
