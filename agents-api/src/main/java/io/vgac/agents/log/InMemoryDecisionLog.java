package io.vgac.agents.log;

import java.util.ArrayList;
import java.util.List;

/** A {@link DecisionLog} kept in memory (tests, short runs). Thread-safe. */
public final class InMemoryDecisionLog implements DecisionLog {
  private final List<DecisionRecord> records = new ArrayList<>();

  @Override
  public synchronized void append(DecisionRecord record) {
    records.add(record);
  }

  @Override
  public synchronized List<DecisionRecord> records() {
    return List.copyOf(records);
  }

  public synchronized int size() {
    return records.size();
  }
}
