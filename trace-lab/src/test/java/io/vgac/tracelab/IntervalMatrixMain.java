package io.vgac.tracelab;

import io.vgac.agents.intervals.IntervalControllerConfig;
import io.vgac.tracelab.eval.IntervalResult;
import io.vgac.tracelab.eval.IntervalTransfer;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.model.WaitIntervalModel;
import io.vgac.tracelab.model.WaitIntervalTrainer;
import io.vgac.tracelab.read.MalformedLinePolicy;
import io.vgac.tracelab.read.Traces;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-off program behind trace-lab/README.md's interval table (not a test): {@code DIR ETA TRACE...}; trains on
 * each trace and runs the static and adaptive intervals on every other one, printing a Markdown row per pair.
 */
public final class IntervalMatrixMain {
  private IntervalMatrixMain() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    IntervalTransfer t = new IntervalTransfer(IntervalControllerConfig.builder().eta(Double.parseDouble(args[1]))
        .build());
    Map<String, SweptTrace> swept = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      swept.put(args[i], FeatureSweep.sweep(Traces.read(dir.resolve(args[i]), MalformedLinePolicy.SKIP)));
    }
    System.out.println("| train → test | n | static cov | static width s | adaptive cov | adaptive width s |");
    for (Map.Entry<String, SweptTrace> train : swept.entrySet()) {
      WaitIntervalModel w = WaitIntervalTrainer.train(RiskModelTrainer.train(train.getValue(),
          TrainingConfig.ofDefaults()));
      for (Map.Entry<String, SweptTrace> test : swept.entrySet()) {
        if (test.getKey().equals(train.getKey())) {
          continue;
        }
        List<IntervalResult> r = t.run(w, test.getValue());
        System.out.printf(Locale.ROOT, "| %s → %s | %d | %.3f | %.0f | %.3f | %.0f |%n",
            Traces.shortName(train.getKey()), Traces.shortName(test.getKey()), r.get(1).n(), r.get(0).coverage(),
            r.get(0).medianWidthSeconds(), r.get(1).coverage(), r.get(1).medianWidthSeconds());
      }
    }
  }
}
