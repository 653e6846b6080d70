package io.vgac.tracelab.eval;

import io.vgac.tracelab.features.Dataset;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainedRiskModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The transfer experiment over every ordered pair of a set of traces: each trace is trained on once (its own
 * time-ordered split), then its model is moved unchanged to every other trace and recalibrated there on the first
 * {@code recalibrateN} labelled jobs ({@link TransferExperiment#run(TrainedRiskModel, SweptTrace, int)}).
 *
 * @param experiment the training, evaluation and recalibration of one pair
 * @param recalibrateN labelled target jobs the calibrator is refitted on (≥ 1)
 */
public record TransferMatrix(TransferExperiment experiment, int recalibrateN) {

  public TransferMatrix {
    if (recalibrateN < 1) {
      throw new IllegalArgumentException("recalibrateN must be ≥ 1 but was " + recalibrateN);
    }
  }

  /** One trace's row and column header: its model on its own held-out test part. */
  public record TraceSummary(String name, int jobs, int labelled, double thresholdSeconds, Evaluation home) {}

  /** One off-diagonal cell: the model of {@code train} transferred to {@code test}. */
  public record Cell(int train, int test, TransferResult result) {}

  /**
   * The matrix.
   *
   * @param traces the traces in the order given (rows = train, columns = test)
   * @param cells every ordered pair with {@code train ≠ test}, row-major
   */
  public record Result(List<TraceSummary> traces, List<Cell> cells) {
    public Result {
      traces = List.copyOf(traces);
      cells = List.copyOf(cells);
    }

    /** The cell of {@code (train, test)}; {@code train ≠ test}. */
    public Cell cell(int train, int test) {
      if (train == test || train < 0 || test < 0 || train >= traces.size() || test >= traces.size()) {
        throw new IllegalArgumentException("no cell (" + train + ", " + test + ") in a " + traces.size()
            + "-trace matrix (train ≠ test required)");
      }
      return cells.get(train * (traces.size() - 1) + (test < train ? test : test - 1));
    }
  }

  /**
   * Thrown when one trace cannot take part (too few labelled jobs to split or to recalibrate on, a part with one
   * class only); names the trace by its index and name.
   */
  public static final class TraceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int trace;
    private final String problem;

    TraceException(int trace, String name, String problem, Throwable cause) {
      super(name + ": " + problem, cause);
      this.trace = trace;
      this.problem = problem;
    }

    /** What is wrong, without the trace's name. */
    public String problem() {
      return problem;
    }

    /** The index of the trace at fault in the list given to {@link #run}. */
    public int trace() {
      return trace;
    }
  }

  /**
   * Trains on each trace, then runs every ordered pair.
   *
   * @param progress told the number of steps done (one per trained trace, one per pair) out of {@link #steps}
   * @throws IllegalArgumentException for fewer than two traces or two traces of the same name
   * @throws TraceException when a trace cannot be trained on or transferred to
   */
  public Result run(List<SweptTrace> traces, IntConsumer progress) {
    int k = traces.size();
    if (k < 2) {
      throw new IllegalArgumentException("a transfer matrix needs at least 2 traces but had " + k);
    }
    Set<String> names = new HashSet<>();
    for (SweptTrace t : traces) {
      if (!names.add(t.name())) {
        throw new IllegalArgumentException("two traces are named '" + t.name() + "'");
      }
    }
    int done = 0;
    List<TrainedRiskModel> trained = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      try {
        trained.add(RiskModelTrainer.train(traces.get(i), experiment.training()));
      } catch (IllegalArgumentException e) {
        throw new TraceException(i, traces.get(i).name(), "cannot train on it: " + e.getMessage(), e);
      }
      progress.accept(++done);
    }
    List<Cell> cells = new ArrayList<>(k * (k - 1));
    Evaluation[] home = new Evaluation[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        if (i == j) {
          continue;
        }
        TransferResult r;
        try {
          r = experiment.run(trained.get(i), traces.get(j), recalibrateN);
        } catch (IllegalArgumentException e) {
          throw new TraceException(j, traces.get(j).name(), "cannot transfer " + traces.get(i).name()
              + "'s model to it: " + e.getMessage(), e);
        }
        home[i] = r.train();
        cells.add(new Cell(i, j, r));
        progress.accept(++done);
      }
    }
    List<TraceSummary> summaries = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      TrainedRiskModel m = trained.get(i);
      Dataset d = m.data();
      summaries.add(new TraceSummary(traces.get(i).name(), traces.get(i).snapshots().size(), d.size(),
          m.model().thresholdSeconds(), home[i]));
    }
    return new Result(summaries, cells);
  }

  /** The progress steps of {@link #run} for {@code traces} traces. */
  public static int steps(int traces) {
    return traces + traces * (traces - 1);
  }
}
