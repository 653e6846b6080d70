package io.vgac.cli.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an outcome stream (probability, 0/1 label, optional environment) from a CSV file with a header, row by row
 * in file order. RFC 4180 quoting is understood; other columns are ignored. Every problem is one line naming the
 * file, the data row (row 1 = line 2) and the field.
 */
final class OutcomeCsv {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** Receives each valid row. */
  interface RowSink {
    void accept(long row, String env, double p, int y);
  }

  private OutcomeCsv() {}

  /** Reads {@code file}, handing each row (0-based data index) to {@code sink}. */
  static long read(Path file, String probCol, String labelCol, @Nullable String envCol, String singleEnv,
      RowSink sink) throws WatchInputException {
    String name = file.toString();
    try (BufferedReader in = open(file)) {
      String header = in.readLine();
      if (header == null) {
        throw new WatchInputException(name + ": empty file (a header with '" + probCol + "' and '" + labelCol
            + "' is required)");
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      List<String> columns = split(header, name, 1).stream().map(String::strip).toList();
      int pc = column(columns, probCol, name);
      int yc = column(columns, labelCol, name);
      int ec = envCol == null ? -1 : column(columns, envCol, name);
      int needed = Math.max(pc, Math.max(yc, ec)) + 1;
      long row = 0;
      String line;
      while ((line = in.readLine()) != null) {
        row++;
        long lineNo = row + 1;
        String where = name + ": row " + row + " (line " + lineNo + ")";
        List<String> fields = split(line, name, lineNo);
        if (fields.size() < needed) {
          String missing = fields.size() <= pc ? probCol : fields.size() <= yc ? labelCol : envCol;
          throw new WatchInputException(where + ", field '" + missing + "': missing (the row has "
              + fields.size() + " of " + columns.size() + " fields)");
        }
        double p = probability(fields.get(pc), where + ", field '" + probCol + "'");
        int y = label(fields.get(yc), where + ", field '" + labelCol + "'");
        String env = singleEnv;
        if (ec >= 0) {
          env = fields.get(ec).strip();
          if (env.isEmpty()) {
            throw new WatchInputException(where + ", field '" + envCol + "': empty environment id");
          }
        }
        sink.accept(row - 1, env, p, y);
      }
      return row;
    } catch (NoSuchFileException e) {
      throw new WatchInputException(name + ": no such file");
    } catch (MalformedInputException e) {
      throw new WatchInputException(name + ": not UTF-8 text");
    } catch (IOException e) {
      throw new WatchInputException(name + ": cannot read: " + e.getMessage());
    }
  }

  /** UTF-8 text; a name ending in .gz is read through gzip. Malformed bytes are reported, not replaced. */
  private static BufferedReader open(Path file) throws IOException {
    java.io.InputStream raw = Files.newInputStream(file);
    try {
      java.io.InputStream in = file.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw;
      return new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  private static int column(List<String> columns, String wanted, String name) throws WatchInputException {
    int i = columns.indexOf(wanted);
    if (i < 0) {
      throw new WatchInputException(name + ": line 1 (header): no column '" + wanted + "' (columns: "
          + String.join(", ", columns) + ")");
    }
    return i;
  }

  private static double probability(String text, String where) throws WatchInputException {
    String t = text.strip();
    if (!DECIMAL.matcher(t).matches()) {
      throw new WatchInputException(where + ": not a number: '" + shorten(t) + "'");
    }
    double p = Double.parseDouble(t);
    if (!(p >= 0 && p <= 1)) {
      throw new WatchInputException(where + ": not a probability: " + t);
    }
    return p;
  }

  private static int label(String text, String where) throws WatchInputException {
    switch (text.strip()) {
      case "0":
      case "0.0":
      case "false":
        return 0;
      case "1":
      case "1.0":
      case "true":
        return 1;
      default:
        throw new WatchInputException(where + ": not a 0/1 label: '" + shorten(text.strip()) + "'");
    }
  }

  private static String shorten(String s) {
    String t = s.replaceAll("\\p{Cntrl}", "?");
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  /** Splits one CSV record; quoted fields may hold commas and doubled quotes (not line breaks). */
  static List<String> split(String line, String name, long lineNo) throws WatchInputException {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') {
      n--;
    }
    while (true) {
      field.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new WatchInputException(name + ": line " + lineNo + ": unterminated quoted field");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < n && line.charAt(i) != ',') {
          throw new WatchInputException(name + ": line " + lineNo + ": text after a closing quote");
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      }
      out.add(field.toString());
      if (i >= n) {
        return out;
      }
      i++; // the comma
    }
  }
}
