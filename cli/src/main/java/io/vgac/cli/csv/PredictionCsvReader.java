package io.vgac.cli.csv;

import io.vgac.calibration.Predictions;
import io.vgac.cli.BadInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a probability column and a 0/1 outcome column from a CSV file into {@link Predictions}, validating every
 * value and naming the first bad one by data row, line and field. Optionally also reads a third, text column — a
 * group (environment) id per row — into a {@link PredictionTable} ({@link #readTable}); one parser, so every command
 * that reads predictions has the same input rules and error messages.
 *
 * <p>Format: a header row naming the columns (selected by name; fields may be quoted), then one record per line.
 * Accepted: a UTF-8 byte order mark, LF or CRLF line ends, blank lines at the end, RFC 4180 quoted fields (commas,
 * doubled quotes and line breaks inside quotes), spaces and tabs around a field, gzip compression when the file name
 * ends in {@code .gz}. A probability is a plain decimal in [0, 1] ({@code 0.25}, {@code 2.5e-1}); a label is a
 * number equal to 0 or 1 ({@code 0}, {@code 1}, {@code 0.0}, {@code 1.0}) — {@code true}/{@code false},
 * {@code NaN} and {@code Infinity} are rejected. Records with more or fewer fields than the header, empty fields
 * in a selected column and blank lines between records are errors. A group id is the field's text (unquoted fields
 * are trimmed of spaces and tabs; quoted ones kept as written) and must be non-empty UTF-8.
 *
 * <p>Rows are numbered from 1 (the first record after the header); lines are the file's physical lines, so row r
 * is line r + 1 unless a quoted field spans lines.
 *
 * <p>Speed: bytes are parsed in place in a 1 MiB buffer (refilled with partial records carried over), numbers by
 * {@link DecimalParser} with no allocation per row; the result grows two primitive arrays (three with a group
 * column, whose ids are looked up by their bytes, so there is one String per distinct id and none per row).
 */
public final class PredictionCsvReader {
  public static final String DEFAULT_PROBABILITY_COLUMN = "p";
  public static final String DEFAULT_LABEL_COLUMN = "y";
  public static final int DEFAULT_BUFFER_SIZE = 1 << 20;
  /** The option that names the group column in messages (the group is the environment in {@code vgac watch}). */
  static final String GROUP_OPTION = "--env-col";
  private static final int MAX_SHOWN_CHARS = 40;
  private static final int MAX_SHOWN_COLUMNS = 20;

  private final String probabilityColumn;
  private final String labelColumn;
  private final @Nullable String groupColumn;
  private final int bufferSize;

  public PredictionCsvReader(String probabilityColumn, String labelColumn) {
    this(probabilityColumn, labelColumn, null, DEFAULT_BUFFER_SIZE);
  }

  /**
   * A reader that also reads {@code groupColumn} (when not null), a text id per row such as an environment name.
   *
   * @throws IllegalArgumentException when two of the columns are the same
   */
  public PredictionCsvReader(String probabilityColumn, String labelColumn, @Nullable String groupColumn) {
    this(probabilityColumn, labelColumn, groupColumn, DEFAULT_BUFFER_SIZE);
  }

  /** With a given initial buffer size; small sizes make tests cross buffer boundaries everywhere. */
  PredictionCsvReader(String probabilityColumn, String labelColumn, int bufferSize) {
    this(probabilityColumn, labelColumn, null, bufferSize);
  }

  PredictionCsvReader(
      String probabilityColumn, String labelColumn, @Nullable String groupColumn, int bufferSize) {
    if (probabilityColumn.equals(labelColumn)) {
      throw new IllegalArgumentException(
          "probability and label columns must differ but both were '" + probabilityColumn + "'");
    }
    if (groupColumn != null && (groupColumn.equals(probabilityColumn) || groupColumn.equals(labelColumn))) {
      throw new IllegalArgumentException(
          "the group column must differ from the probability and label columns but was '" + groupColumn + "'");
    }
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be ≥ 1 but was " + bufferSize);
    }
    this.probabilityColumn = probabilityColumn;
    this.labelColumn = labelColumn;
    this.groupColumn = groupColumn;
    this.bufferSize = bufferSize;
  }

  public static PredictionCsvReader withDefaultColumns() {
    return new PredictionCsvReader(DEFAULT_PROBABILITY_COLUMN, DEFAULT_LABEL_COLUMN);
  }

  /**
   * Reads the file at {@code path}; with a group column, its values are validated too.
   *
   * @param displayName how error messages name the file (the path as the user wrote it)
   * @throws BadInputException naming the file, and for a bad value the row, the line and the field
   */
  public Predictions read(Path path, String displayName) throws BadInputException {
    return readTable(path, displayName).predictions();
  }

  /**
   * Reads the file at {@code path} with each row's group, when this reader has a group column.
   *
   * @param displayName how error messages name the file (the path as the user wrote it)
   * @throws BadInputException naming the file, and for a bad value the row, the line and the field
   */
  public PredictionTable readTable(Path path, String displayName) throws BadInputException {
    if (Files.isDirectory(path)) {
      throw new BadInputException(displayName + ": is a directory, not a CSV file");
    }
    InputStream raw;
    try {
      raw = Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new BadInputException(displayName + ": no such file");
    } catch (AccessDeniedException e) {
      throw new BadInputException(displayName + ": permission denied");
    } catch (IOException e) {
      throw new BadInputException(displayName + ": cannot open: " + e.getMessage(), e);
    }
    boolean gzip = displayName.toLowerCase(Locale.ROOT).endsWith(".gz");
    try (InputStream in = raw) {
      InputStream source = gzip ? new GZIPInputStream(in, 1 << 16) : in;
      return new Parse(source, displayName).run();
    } catch (ZipException | EOFException e) {
      throw new BadInputException(
          displayName + ": not valid gzip data (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BadInputException(displayName + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The state of one read. */
  private final class Parse {
    private static final int NEED_MORE = 0;
    private static final int RECORD = 1;
    private static final int BLANK = 2;
    private static final int END = 3;

    private final InputStream in;
    private final String name;
    private byte[] buf = new byte[bufferSize];
    private int pos;
    private int lim;
    private boolean eof;
    /** The line on which the next record starts. */
    private long line = 1;
    private int rows;
    private double[] probabilities = new double[1 << 12];
    private byte[] labels = new byte[1 << 12];
    private int columns;
    private int probabilityIndex;
    private int labelIndex;
    /** -1 without a group column, so the per-field test never matches. */
    private int groupIndex = -1;
    private int @Nullable [] groups;
    private final HashMap<GroupKey, Integer> groupIds = new HashMap<>();
    private final List<String> groupNames = new ArrayList<>();
    /** The one key used for lookups, pointed at each row's bytes in turn. */
    private final GroupKey probe = new GroupKey();
    /** The unquoted text of a quoted probability / label field (quoted numbers are rare). */
    private final Field probabilityField = new Field();
    private final Field labelField = new Field();
    private final Field groupField = new Field();
    private final Field otherField = new Field();
    private long blankLine = -1;
    private int blankRow;

    Parse(InputStream in, String name) {
      this.in = in;
      this.name = name;
    }

    PredictionTable run() throws IOException, BadInputException {
      fill();
      while (lim - pos < 3 && !eof) {
        fill();
      }
      if (lim - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB
          && (buf[pos + 2] & 0xFF) == 0xBF) {
        pos += 3;
      }
      if (pos == lim && eof) {
        throw new BadInputException(
            name + ": empty file (expected a header row naming the columns " + columnList() + ")");
      }
      List<String> header;
      while ((header = headerRecord()) == null) {
        fill();
      }
      locateColumns(header);
      int status;
      while (true) {
        status = dataRecord();
        if (status == NEED_MORE) {
          fill();
        } else if (status == END) {
          break;
        }
      }
      if (rows == 0) {
        throw new BadInputException(name + ": no data rows after the header");
      }
      Predictions predictions =
          Predictions.wrap(Arrays.copyOf(probabilities, rows), Arrays.copyOf(labels, rows), null);
      int[] g = groups;
      return new PredictionTable(predictions, g == null ? null : Arrays.copyOf(g, rows), groupNames);
    }

    /** 'p' and 'y', or 'p', 'y' and 'env'. */
    private String columnList() {
      return groupColumn == null
          ? "'" + show(probabilityColumn) + "' and '" + show(labelColumn) + "'"
          : "'" + show(probabilityColumn) + "', '" + show(labelColumn) + "' and '" + show(groupColumn) + "'";
    }

    /** Carries the unparsed tail to the front, grows the buffer if a record fills it, reads until full or EOF. */
    private void fill() throws IOException {
      if (eof) {
        return;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      }
      if (lim == buf.length) {
        buf = Arrays.copyOf(buf, Math.max(16, buf.length * 2));
      }
      while (lim < buf.length) {
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
          eof = true;
          return;
        }
        lim += n;
      }
    }

    // ---- header ----

    /** The header's fields, or null when the buffer does not hold the whole header yet. */
    private @Nullable List<String> headerRecord() throws BadInputException {
      List<String> fields = new ArrayList<>();
      int i = pos;
      long newlines = 0;
      Field quoted = new Field();
      while (true) {
        i = skipSpaces(i);
        String text;
        if (i < lim && buf[i] == '"') {
          int after = quoted.unquote(i);
          if (after < 0) {
            return null;
          }
          newlines += quoted.newlines;
          i = skipSpaces(after);
          text = new String(quoted.bytes, 0, quoted.length, StandardCharsets.UTF_8);
        } else {
          int start = i;
          byte c;
          while (i < lim && (c = buf[i]) != ',' && c != '\n' && c != '\r') {
            i++;
          }
          if (i == lim && !eof) {
            return null;
          }
          text = new String(buf, start, i - start, StandardCharsets.UTF_8);
        }
        fields.add(text.strip());
        if (i < lim && buf[i] == ',') {
          i++;
          continue;
        }
        int next = endOfLine(i);
        if (next == NEED_MORE_INDEX) {
          return null;
        }
        if (next == NOT_A_LINE_END) {
          throw new BadInputException(name + ": line 1: " + (buf[i] == '\r'
              ? "carriage return not followed by a line feed"
              : "unexpected text after a closing quote"));
        }
        pos = next;
        line += 1 + newlines;
        return fields;
      }
    }

    private void locateColumns(List<String> header) throws BadInputException {
      columns = header.size();
      if (columns == 1 && header.get(0).isEmpty()) {
        throw new BadInputException(
            name + ": line 1: the header row is empty (expected column names such as " + columnList() + ")");
      }
      probabilityIndex = columnIndex(header, probabilityColumn, "--prob-col");
      labelIndex = columnIndex(header, labelColumn, "--label-col");
      if (groupColumn != null) {
        groupIndex = columnIndex(header, groupColumn, GROUP_OPTION);
        groups = new int[probabilities.length];
      }
    }

    private int columnIndex(List<String> header, String column, String option) throws BadInputException {
      int index = header.indexOf(column);
      if (index < 0) {
        List<String> shown = header.size() > MAX_SHOWN_COLUMNS ? header.subList(0, MAX_SHOWN_COLUMNS) : header;
        StringBuilder names = new StringBuilder();
        for (String h : shown) {
          names.append(names.length() == 0 ? "" : ", ").append(show(h));
        }
        if (shown.size() < header.size()) {
          names.append(", … (").append(header.size()).append(" in all)");
        }
        throw new BadInputException(name + ": line 1: the header has no column '" + show(column) + "' (columns: "
            + names + "); choose one with " + option);
      }
      int again = header.subList(index + 1, header.size()).indexOf(column);
      if (again >= 0) {
        throw new BadInputException(name + ": line 1: the header names column '" + show(column)
            + "' twice (fields " + (index + 1) + " and " + (index + again + 2) + ")");
      }
      return index;
    }

    // ---- data ----

    /** Parses one record into the arrays; NEED_MORE when the buffer ends inside it (nothing is consumed then). */
    private int dataRecord() throws BadInputException {
      final byte[] b = buf;
      final int limit = lim;
      int i = pos;
      if (i >= limit) {
        return eof ? END : NEED_MORE;
      }
      byte c = b[i];
      if (c == '\n' || c == '\r') {
        int next = endOfLine(i);
        if (next == NEED_MORE_INDEX) {
          return NEED_MORE;
        }
        if (next == NOT_A_LINE_END) {
          throw rowError(rows + 1, line, null, "carriage return not followed by a line feed");
        }
        if (blankLine < 0) {
          blankLine = line;
          blankRow = rows + 1;
        }
        line++;
        pos = next;
        return BLANK;
      }
      if (blankLine >= 0) {
        throw rowError(blankRow, blankLine, null, "blank line between data rows");
      }
      // Where the selected fields are: in buf (unquoted) or in their Field (quoted).
      int pStart = 0;
      int pEnd = 0;
      boolean pQuoted = false;
      int yStart = 0;
      int yEnd = 0;
      boolean yQuoted = false;
      int gStart = 0;
      int gEnd = 0;
      boolean gQuoted = false;
      long newlines = 0;
      int col = 0;
      while (true) {
        while (i < limit && ((c = b[i]) == ' ' || c == '\t')) {
          i++;
        }
        int start = i;
        if (i < limit && b[i] == '"') {
          Field f = col == probabilityIndex ? probabilityField
              : col == labelIndex ? labelField
              : col == groupIndex ? groupField
              : otherField;
          int after = f.unquote(i);
          if (after < 0) {
            return NEED_MORE;
          }
          newlines += f.newlines;
          i = skipSpaces(after);
          if (col == probabilityIndex) {
            pQuoted = true;
          } else if (col == labelIndex) {
            yQuoted = true;
          } else if (col == groupIndex) {
            gQuoted = true;
          }
        } else {
          while (i < limit && (c = b[i]) != ',' && c != '\n' && c != '\r') {
            i++;
          }
          int end = i;
          while (end > start && ((c = b[end - 1]) == ' ' || c == '\t')) {
            end--;
          }
          if (col == probabilityIndex) {
            pStart = start;
            pEnd = end;
            pQuoted = false;
          } else if (col == labelIndex) {
            yStart = start;
            yEnd = end;
            yQuoted = false;
          } else if (col == groupIndex) {
            gStart = start;
            gEnd = end;
            gQuoted = false;
          }
        }
        if (i == limit && !eof) {
          return NEED_MORE;
        }
        col++;
        if (i < limit && b[i] == ',') {
          i++;
          continue;
        }
        int next = endOfLine(i);
        if (next == NEED_MORE_INDEX) {
          return NEED_MORE;
        }
        if (next == NOT_A_LINE_END) {
          throw rowError(rows + 1, line, null, b[i] == '\r'
              ? "carriage return not followed by a line feed"
              : "unexpected text after a closing quote");
        }
        if (col != columns) {
          throw rowError(rows + 1, line, null,
              col + (col == 1 ? " field" : " fields") + " but the header has " + columns);
        }
        i = next;
        break;
      }
      double p = pQuoted
          ? probability(probabilityField.bytes, 0, probabilityField.length)
          : probability(b, pStart, pEnd);
      byte y = yQuoted ? label(labelField.bytes, 0, labelField.length) : label(b, yStart, yEnd);
      if (rows == probabilities.length) {
        int grown = rows + (rows >> 1);
        probabilities = Arrays.copyOf(probabilities, grown);
        labels = Arrays.copyOf(labels, grown);
        int[] g = groups;
        if (g != null) {
          groups = Arrays.copyOf(g, grown);
        }
      }
      int[] g = groups;
      if (g != null) {
        g[rows] = gQuoted ? group(groupField.bytes, 0, groupField.length) : group(b, gStart, gEnd);
      }
      probabilities[rows] = p;
      labels[rows] = y;
      rows++;
      line += 1 + newlines;
      pos = i;
      return RECORD;
    }

    private double probability(byte[] b, int start, int end) throws BadInputException {
      double v = DecimalParser.parse(b, start, end);
      if (v >= 0.0 && v <= 1.0) {
        return v;
      }
      throw valueError(probabilityColumn, b, start, end, "not a probability", true);
    }

    private byte label(byte[] b, int start, int end) throws BadInputException {
      if (end - start == 1) {
        byte c = b[start];
        if (c == '0' || c == '1') {
          return (byte) (c - '0');
        }
      }
      double v = DecimalParser.parse(b, start, end);
      if (v == 0.0) {
        return 0;
      }
      if (v == 1.0) {
        return 1;
      }
      throw valueError(labelColumn, b, start, end, "not a 0/1 label", false);
    }

    /** The index of the group whose id is these bytes; a new group (one copy, one String) on first sight. */
    private int group(byte[] b, int start, int end) throws BadInputException {
      if (start == end) {
        throw rowError(rows + 1, line, groupColumn, "empty");
      }
      Integer known = groupIds.get(probe.pointAt(b, start, end));
      if (known != null) {
        return known;
      }
      byte[] id = Arrays.copyOfRange(b, start, end);
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(id)).toString();
      } catch (CharacterCodingException e) {
        throw rowError(rows + 1, line, groupColumn, "not UTF-8 text");
      }
      int index = groupNames.size();
      groupNames.add(text);
      groupIds.put(new GroupKey().pointAt(id, 0, id.length), index);
      return index;
    }

    /** The message for a bad value; {@code sayNotANumber}: call text that is no number at all "not a number". */
    private BadInputException valueError(
        String column, byte[] b, int start, int end, String what, boolean sayNotANumber) {
      String text = new String(b, start, end - start, StandardCharsets.UTF_8);
      String problem;
      if (text.isEmpty()) {
        problem = "empty";
      } else if (!sayNotANumber || !Double.isNaN(DecimalParser.parse(b, start, end)) || isNonFinite(text)) {
        problem = what + ": " + show(text);
      } else {
        problem = "not a number: " + show(text);
      }
      return rowError(rows + 1, line, column, problem);
    }

    private BadInputException rowError(int row, long atLine, @Nullable String column, String problem) {
      return new BadInputException(name + ": row " + row + " (line " + atLine + ")"
          + (column == null ? "" : ", field '" + show(column) + "'") + ": " + problem);
    }

    private int skipSpaces(int i) {
      byte c;
      while (i < lim && ((c = buf[i]) == ' ' || c == '\t')) {
        i++;
      }
      return i;
    }

    /**
     * The index after the line end at {@code i} (the end of the data counts), {@link #NEED_MORE_INDEX} when the
     * buffer ends in the middle of it, {@link #NOT_A_LINE_END} when something else is there.
     */
    private int endOfLine(int i) {
      if (i >= lim) {
        return eof ? i : NEED_MORE_INDEX;
      }
      byte c = buf[i];
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        if (i + 1 < lim) {
          return buf[i + 1] == '\n' ? i + 2 : NOT_A_LINE_END;
        }
        return eof ? i + 1 : NEED_MORE_INDEX;
      }
      return NOT_A_LINE_END;
    }

    /** The text of a quoted field with its doubled quotes undone. */
    private final class Field {
      byte[] bytes = new byte[32];
      int length;
      long newlines;

      /**
       * Copies the quoted field starting at {@code buf[i] == '"'}; returns the index after its closing quote, or
       * -1 when the buffer ends first.
       */
      int unquote(int i) throws BadInputException {
        length = 0;
        newlines = 0;
        int j = i + 1;
        while (true) {
          if (j >= lim) {
            if (!eof) {
              return -1;
            }
            throw rowErrorOrHeader("a quoted field is not closed before the end of the file");
          }
          byte c = buf[j];
          if (c == '"') {
            if (j + 1 < lim && buf[j + 1] == '"') {
              append(c);
              j += 2;
              continue;
            }
            if (j + 1 >= lim && !eof) {
              return -1;
            }
            return j + 1;
          }
          if (c == '\n') {
            newlines++;
          }
          append(c);
          j++;
        }
      }

      private void append(byte c) {
        if (length == bytes.length) {
          bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = c;
      }
    }

    private BadInputException rowErrorOrHeader(String problem) {
      return line == 1
          ? new BadInputException(name + ": line 1: " + problem)
          : rowError(rows + 1, line, null, problem);
    }
  }

  /**
   * A group id's bytes as a hash key. Keys in the map own a private copy and never change; the lookup probe is
   * re-pointed at the buffer for each row, which is what saves a String per row.
   */
  private static final class GroupKey {
    private byte[] bytes = new byte[0];
    private int start;
    private int end;
    private int hash;

    GroupKey pointAt(byte[] b, int from, int to) {
      int h = 1;
      for (int k = from; k < to; k++) {
        h = 31 * h + b[k];
      }
      bytes = b;
      start = from;
      end = to;
      hash = h;
      return this;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof GroupKey k && hash == k.hash && Arrays.equals(bytes, start, end, k.bytes, k.start, k.end);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final int NEED_MORE_INDEX = -1;
  private static final int NOT_A_LINE_END = -2;

  private static boolean isNonFinite(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("+") || t.startsWith("-")) {
      t = t.substring(1);
    }
    return t.equals("nan") || t.equals("inf") || t.equals("infinity");
  }

  /** User text as it may appear in a one-line message: control characters escaped, long text cut. */
  static String show(String text) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int k = 0; k < text.length() && shown < MAX_SHOWN_CHARS; k++, shown++) {
      char c = text.charAt(k);
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (Character.isISOControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (text.length() > MAX_SHOWN_CHARS) {
      sb.append('…');
    }
    return sb.toString();
  }
}
