package io.vgac.agents.log;

import java.util.List;

/**
 * What {@link DecisionLog#read} found in a file.
 *
 * @param records the records of every well-formed line, in file order
 * @param skippedLines lines that could not be parsed (normally at most one: a line torn by a crash mid-write)
 */
public record DecisionLogContents(List<DecisionRecord> records, int skippedLines) {

  public DecisionLogContents {
    records = List.copyOf(records);
  }
}
