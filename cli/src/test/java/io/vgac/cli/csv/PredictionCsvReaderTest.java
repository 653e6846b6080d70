package io.vgac.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.calibration.Predictions;
import io.vgac.cli.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PredictionCsvReaderTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content.getBytes(StandardCharsets.UTF_8));
    return f;
  }

  private static Predictions read(Path f, int bufferSize) throws BadInputException {
    return new PredictionCsvReader("p", "y", bufferSize).read(f, f.getFileName().toString());
  }

  private static String errorOf(Path f) {
    try {
      PredictionCsvReader.withDefaultColumns().read(f, f.getFileName().toString());
    } catch (BadInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + f);
  }

  // ---- accepted input, read identically whatever the buffer size (records straddle refills) ----

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 16, 1 << 20})
  void readsEveryAcceptedSpellingAtAnyBufferSize(int bufferSize) throws Exception {
    String csv = "\uFEFFid,\"p\", \"y\" ,note\r\n"
        + "a,0.25,1,plain\r\n"
        + "\"b,c\",\"0.5\",\"0\",\"quoted, with comma\"\r\n"
        + "d, 1 ,1.0,\"two\nlines and \"\"quotes\"\"\"\r\n"
        + "e,0,0.0,\r\n"
        + "f,2.5e-1,0,last\r\n"
        + "\r\n\n";
    Predictions p = read(file("ok.csv", csv), bufferSize);
    assertThat(p.probabilities()).containsExactly(0.25, 0.5, 1.0, 0.0, 0.25);
    assertThat(p.labels()).containsExactly(1, 0, 1, 0, 0);
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 64, 1 << 20})
  void manyRowsMatchDoubleParseDouble(int bufferSize) throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    StringBuilder sb = new StringBuilder("y,p\n");
    int n = 20_000;
    double[] expected = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      String text = switch (i % 4) {
        case 0 -> String.format(java.util.Locale.ROOT, "%.10f", random.nextDouble());
        case 1 -> Double.toString(random.nextDouble());
        case 2 -> String.format(java.util.Locale.ROOT, "%.3e", random.nextDouble());
        default -> Integer.toString(random.nextInt(2));
      };
      expected[i] = Double.parseDouble(text);
      labels[i] = random.nextInt(2);
      sb.append(labels[i]).append(',').append(text).append('\n');
    }
    Predictions p = read(file("many.csv", sb.toString()), bufferSize);
    assertThat(p.probabilities()).containsExactly(expected);
    assertThat(p.labels()).containsExactly(labels);
  }

  @Test
  void noFinalNewlineAndCrlfAtTheEnd() throws Exception {
    assertThat(read(file("a.csv", "p,y\n0.1,0"), 4).probabilities()).containsExactly(0.1);
    assertThat(read(file("b.csv", "p,y\r\n0.1,0\r\n"), 4).probabilities()).containsExactly(0.1);
  }

  @Test
  void readsGzipWhenTheNameEndsInGz() throws Exception {
    Path f = dir.resolve("data.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("p,y\n0.2,1\n0.7,0\n".getBytes(StandardCharsets.UTF_8));
    }
    Predictions p = PredictionCsvReader.withDefaultColumns().read(f, "data.csv.gz");
    assertThat(p.probabilities()).containsExactly(0.2, 0.7);
    assertThat(p.labels()).containsExactly(1, 0);
  }

  @Test
  void selectsColumnsByName() throws Exception {
    Path f = file("named.csv", "score,outcome,p\n0.9,1,nonsense\n");
    Predictions p = new PredictionCsvReader("score", "outcome").read(f, "named.csv");
    assertThat(p.probabilities()).containsExactly(0.9);
  }

  // ---- rejected input: one message naming file, row, line and field ----

  @Test
  void missingFile() {
    assertThat(errorOf(dir.resolve("nope.csv"))).isEqualTo("nope.csv: no such file");
  }

  @Test
  void directory() {
    assertThat(errorOf(dir)).endsWith(": is a directory, not a CSV file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\uFEFF"})
  void emptyFile(String content) throws Exception {
    assertThat(errorOf(file("empty.csv", content)))
        .isEqualTo("empty.csv: empty file (expected a header row naming the columns 'p' and 'y')");
  }

  @Test
  void emptyHeader() throws Exception {
    assertThat(errorOf(file("h.csv", "\n0.1,1\n"))).startsWith("h.csv: line 1: the header row is empty");
  }

  @Test
  void headerWithoutTheColumnListsTheColumns() throws Exception {
    assertThat(errorOf(file("h.csv", "prob,label\n0.1,1\n")))
        .isEqualTo("h.csv: line 1: the header has no column 'p' (columns: prob, label); choose one with --prob-col");
    assertThat(errorOf(file("h2.csv", "p,label\n0.1,1\n")))
        .isEqualTo("h2.csv: line 1: the header has no column 'y' (columns: p, label); choose one with --label-col");
  }

  @Test
  void duplicateColumn() throws Exception {
    assertThat(errorOf(file("d.csv", "p,y,p\n0.1,1,0.2\n")))
        .isEqualTo("d.csv: line 1: the header names column 'p' twice (fields 1 and 3)");
  }

  @Test
  void noDataRows() throws Exception {
    assertThat(errorOf(file("n.csv", "p,y\n"))).isEqualTo("n.csv: no data rows after the header");
    assertThat(errorOf(file("n2.csv", "p,y"))).isEqualTo("n2.csv: no data rows after the header");
    assertThat(errorOf(file("n3.csv", "p,y\r\n\r\n"))).isEqualTo("n3.csv: no data rows after the header");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "p,y\\n0.1,1\\n0.2\\n | r.csv: row 2 (line 3): 1 field but the header has 2",
      "p,y\\n0.1,1,7\\n | r.csv: row 1 (line 2): 3 fields but the header has 2",
      "p,y\\n0.1,1\\n0.3,0,,\\n | r.csv: row 2 (line 3): 4 fields but the header has 2",
      "p,y\\n0.1,1\\n\\n0.3,0\\n | r.csv: row 2 (line 3): blank line between data rows",
      "p,y\\n,1\\n | r.csv: row 1 (line 2), field 'p': empty",
      "p,y\\n0.5,\\n | r.csv: row 1 (line 2), field 'y': empty",
      "p,y\\n0.1,0\\nabc,1\\n | r.csv: row 2 (line 3), field 'p': not a number: abc",
      "p,y\\n0.5d,1\\n | r.csv: row 1 (line 2), field 'p': not a number: 0.5d",
      "p,y\\nNaN,1\\n | r.csv: row 1 (line 2), field 'p': not a probability: NaN",
      "p,y\\n-Infinity,1\\n | r.csv: row 1 (line 2), field 'p': not a probability: -Infinity",
      "p,y\\n1e400,1\\n | r.csv: row 1 (line 2), field 'p': not a probability: 1e400",
      "p,y\\n0.2,0\\n0.3,1\\n1.5,1\\n | r.csv: row 3 (line 4), field 'p': not a probability: 1.5",
      "p,y\\n-0.01,1\\n | r.csv: row 1 (line 2), field 'p': not a probability: -0.01",
      "p,y\\n0.5,true\\n | r.csv: row 1 (line 2), field 'y': not a 0/1 label: true",
      "p,y\\n0.5,2\\n | r.csv: row 1 (line 2), field 'y': not a 0/1 label: 2",
      "p,y\\n0.5,0.5\\n | r.csv: row 1 (line 2), field 'y': not a 0/1 label: 0.5",
      "p,y\\n0.5,-1\\n | r.csv: row 1 (line 2), field 'y': not a 0/1 label: -1",
      "p,y\\n0.5,NaN\\n | r.csv: row 1 (line 2), field 'y': not a 0/1 label: NaN",
      "p,y,c\\n0.5,1,\"a\\nb\"\\n0.7,x,z\\n | r.csv: row 2 (line 4), field 'y': not a 0/1 label: x",
      "p,y\\n\"0.5,1\\n | r.csv: row 1 (line 2): a quoted field is not closed before the end of the file",
      "p,y\\n\"0.5\"x,1\\n | r.csv: row 1 (line 2): unexpected text after a closing quote",
      "p,y\\n0.5,1\\r0.6,1\\n | r.csv: row 1 (line 2): carriage return not followed by a line feed",
  })
  void badRowsNameRowLineAndField(String content, String expected) throws Exception {
    String csv = content.replace("\\n", "\n").replace("\\r", "\r");
    for (int bufferSize : new int[] {1, 3, 1 << 20}) {
      assertThatThrownBy(() -> read(file("r.csv", csv), bufferSize))
          .isInstanceOf(BadInputException.class)
          .hasMessage(expected);
    }
  }

  @Test
  void longOrControlCharacterValuesAreShownOnOneShortLine() throws Exception {
    String message = errorOf(file("c.csv", "p,y\n\"a\tb\n" + "x".repeat(100) + "\",1\n"));
    assertThat(message).doesNotContain("\n").doesNotContain("\t").contains("a\\tb\\nxxx").endsWith("…");
  }

  @Test
  void corruptGzip() throws Exception {
    String message = errorOf(file("bad.csv.gz", "p,y\n0.1,1\n"));
    assertThat(message).startsWith("bad.csv.gz: not valid gzip data");
  }

  // ---- the optional group (environment) column ----

  private static PredictionTable table(Path f, int bufferSize) throws BadInputException {
    return new PredictionCsvReader("p", "y", "env", bufferSize).readTable(f, f.getFileName().toString());
  }

  private static String groupErrorOf(Path f, int bufferSize) {
    try {
      table(f, bufferSize);
    } catch (BadInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + f);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 16, 1 << 20})
  void readsGroupsInFileOrderNumberedByFirstAppearance(int bufferSize) throws Exception {
    String csv = "env,p,y\n"
        + "eks-prod,0.1,0\n"
        + "slurm,0.2,1\n"
        + " eks-prod ,0.3,1\n"
        + "\"a,\"\"b\"\"\",0.4,0\n"
        + "\"slurm\",0.5,1\n"
        + "\"two\nlines\",0.6,0\n"
        + "zürich,0.7,1\n";
    PredictionTable t = table(file("g.csv", csv), bufferSize);
    assertThat(t.size()).isEqualTo(7);
    assertThat(t.hasGroups()).isTrue();
    assertThat(t.groupNames()).containsExactly("eks-prod", "slurm", "a,\"b\"", "two\nlines", "zürich");
    assertThat(t.groupIndices()).containsExactly(0, 1, 0, 2, 1, 3, 4);
    assertThat(t.groupName(3, "default")).isEqualTo("a,\"b\"");
    assertThat(t.predictions().probabilities()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7);
    assertThat(t.predictions().labels()).containsExactly(0, 1, 1, 0, 1, 0, 1);
  }

  @Test
  void withoutAGroupColumnTheTableHasNoGroups() throws Exception {
    Path f = file("plain.csv", "p,y,env\n0.1,0,a\n0.2,1,b\n");
    PredictionTable t = PredictionCsvReader.withDefaultColumns().readTable(f, "plain.csv");
    assertThat(t.hasGroups()).isFalse();
    assertThat(t.groupIndices()).isNull();
    assertThat(t.groupNames()).isEmpty();
    assertThat(t.groupName(1, "default")).isEqualTo("default");
    assertThatThrownBy(() -> t.groupIndex(0)).isInstanceOf(IllegalStateException.class);
    // read() and readTable() agree, with and without the group column.
    assertThat(new PredictionCsvReader("p", "y", "env").read(f, "plain.csv")).isEqualTo(t.predictions());
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 1 << 20})
  void manyDistinctGroupsKeepOneNameEach(int bufferSize) throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder("p,y,env\n");
    int n = 30_000;
    int[] expected = new int[n];
    java.util.Map<String, Integer> seen = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String id = "env-" + random.nextInt(2_000);
      expected[i] = seen.computeIfAbsent(id, k -> seen.size());
      sb.append("0.5,").append(i % 2).append(',').append(id).append('\n');
    }
    PredictionTable t = table(file("many.csv", sb.toString()), bufferSize);
    assertThat(t.groupNames()).containsExactlyElementsOf(seen.keySet());
    assertThat(t.groupIndices()).containsExactly(expected);
    for (int i = 0; i < n; i += 997) {
      assertThat(t.groupName(i, "-")).isSameAs(t.groupNames().get(expected[i]));
    }
  }

  @Test
  void readsGroupsFromGzip() throws Exception {
    Path f = dir.resolve("g.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("env,p,y\na,0.2,1\nb,0.7,0\na,0.1,0\n".getBytes(StandardCharsets.UTF_8));
    }
    PredictionTable t = new PredictionCsvReader("p", "y", "env").readTable(f, "g.csv.gz");
    assertThat(t.groupNames()).containsExactly("a", "b");
    assertThat(t.groupIndices()).containsExactly(0, 1, 0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "p,y\\n0.1,1\\n | g.csv: line 1: the header has no column 'env' (columns: p, y); choose one with --env-col",
      "env,p,env,y\\na,0.1,a,1\\n | g.csv: line 1: the header names column 'env' twice (fields 1 and 3)",
      "| g.csv: empty file (expected a header row naming the columns 'p', 'y' and 'env')",
      "env,p,y\\na,0.1,1\\n,0.2,0\\n | g.csv: row 2 (line 3), field 'env': empty",
      "env,p,y\\n  ,0.2,0\\n | g.csv: row 1 (line 2), field 'env': empty",
      "env,p,y\\n\"\",0.2,0\\n | g.csv: row 1 (line 2), field 'env': empty",
      "env,p,y\\na,0.1,1\\nb,0.2\\n | g.csv: row 2 (line 3): 2 fields but the header has 3",
      "env,p,y\\na,1.5,1\\n | g.csv: row 1 (line 2), field 'p': not a probability: 1.5",
  })
  void badGroupInputNamesRowLineAndField(String content, String expected) throws Exception {
    String csv = content == null ? "" : content.replace("\\n", "\n");
    for (int bufferSize : new int[] {1, 3, 1 << 20}) {
      assertThat(groupErrorOf(file("g.csv", csv), bufferSize)).isEqualTo(expected);
    }
  }

  @Test
  void aGroupIdThatIsNotUtf8IsRejected() throws Exception {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "env,p,y\nok,0.1,1\nz\u00fcrich,0.2,0\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(groupErrorOf(f, 1 << 20)).isEqualTo("latin1.csv: row 2 (line 3), field 'env': not UTF-8 text");
  }

  @Test
  void groupColumnMustDifferFromTheOthers() {
    assertThatThrownBy(() -> new PredictionCsvReader("p", "y", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the group column must differ from the probability and label columns but was 'y'");
  }

  @Test
  void probabilityAndLabelColumnsMustDiffer() {
    assertThatThrownBy(() -> new PredictionCsvReader("p", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must differ");
  }
}
