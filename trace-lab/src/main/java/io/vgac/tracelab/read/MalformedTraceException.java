package io.vgac.tracelab.read;

/**
 * A trace line that cannot be parsed. The message is one line: {@code source: line N, field 'name': problem}.
 * Line numbers are 1-based lines of the (decompressed) file, header and comment lines included.
 */
public final class MalformedTraceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String field;
  private final String problem;

  public MalformedTraceException(String source, long line, String field, String problem) {
    super(source + ": line " + line + (field.isEmpty() ? "" : ", field '" + field + "'") + ": " + problem);
    this.source = source;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  /** The file or resource name. */
  public String source() {
    return source;
  }

  /** The 1-based line number. */
  public long line() {
    return line;
  }

  /** The field's name ({@code submit_time}, {@code scheduled_time}…); empty when the whole line is wrong. */
  public String field() {
    return field;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
