package io.vgac.tracelab.read;

import java.util.List;

/**
 * One of the original authors' sample CSVs: numeric feature columns, the label {@code label_long_wait} and, when
 * present, the authors' {@code raw_score}.
 *
 * @param name the file's short name
 * @param columns the feature columns, in file order (label, score and non-numeric columns excluded)
 * @param x row-major feature values, {@code x[row][column]}; NaN where a cell is empty
 * @param labels 0/1 per row
 * @param rawScore the authors' score per row, or an empty array when the file has none
 */
public record SampleTable(String name, List<String> columns, double[][] x, int[] labels, double[] rawScore) {
  public SampleTable {
    columns = List.copyOf(columns);
  }

  public int rows() {
    return labels.length;
  }
}
