package io.vgac.cli.lab;

import io.vgac.cli.Args;
import io.vgac.cli.AtomicFiles;
import io.vgac.cli.BadInputException;
import io.vgac.cli.Command;
import io.vgac.cli.CommandContext;
import io.vgac.cli.UsageException;
import io.vgac.tracelab.eval.Evaluation;
import io.vgac.tracelab.eval.ModelCard;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.LabelRule;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainedRiskModel;
import io.vgac.tracelab.model.TrainingConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code vgac train}: trains the wait-risk model on one trace and writes the file the agents' default predictor
 * loads, with metadata (trace, dates, split, test-part metrics). Deterministic: the same trace and options give the
 * same file byte for byte (the bundled default model is this command's output on KTH-SP2).
 */
public final class TrainCommand implements Command {
  /** The bundled default's version ({@code agents-api}'s {@code default-wait-model.json}). */
  public static final String DEFAULT_MODEL_VERSION = "trace-lab-kth-sp2-1";

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train the wait-risk model on a trace; write the agents' model file";
  }

  @Override
  public String usage() {
    return "Usage: vgac train --trace TRACE --out FILE [--label wait>600s|p90] [--model-version V]\n\n"
        + "Time-ordered split of the trace's labelled jobs: L2 logistic regression on the first 60 %, Platt scaling\n"
        + "on the next 20 %, metrics on the last 20 %. Writes the agents' wait-model JSON (LogisticWaitModel) with\n"
        + "a note and metadata saying where it came from; prints the test-part metrics.\n"
        + "  --trace          an SWF log (.swf, .swf.gz) or the Alibaba GPU pod CSV (.csv, .csv.gz)\n"
        + "  --out            the model file to write (atomically)\n"
        + "  --label          long-wait label: wait>SECONDSs or pNN of the training part (default wait>600s)\n"
        + "  --model-version  reported in every prediction (default " + DEFAULT_MODEL_VERSION + ")\n";
  }

  @Override
  public Set<String> options() {
    return Set.of("--trace", "--out", "--label", "--model-version");
  }

  @Override
  public int run(Args args, CommandContext context) throws UsageException, BadInputException {
    String tracePath = args.required("--trace");
    Path out = Path.of(args.required("--out"));
    String labelText = args.string("--label", "wait>600s");
    LabelRule label;
    try {
      label = LabelRule.parse(labelText);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--label: " + e.getMessage());
    }
    String version = args.string("--model-version", DEFAULT_MODEL_VERSION);
    if (version.isBlank()) {
      throw new UsageException("--model-version must not be blank");
    }
    AtomicFiles.checkWritable(out, out.toString());
    SweptTrace swept = FeatureSweep.sweep(LabInputs.trace(tracePath));
    TrainingConfig config = TrainingConfig.ofDefaults().withLabel(label);
    TrainedRiskModel trained;
    try {
      trained = RiskModelTrainer.train(swept, config);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(tracePath + ": cannot train on it: " + e.getMessage(), e);
    }
    String fileName = Path.of(tracePath).getFileName().toString();
    String command = "./vgac train --trace " + fileName
        + (label.equals(LabelRule.DEFAULT) ? "" : " --label " + label)
        + (version.equals(DEFAULT_MODEL_VERSION) ? "" : " --model-version " + version);
    ModelCard card = ModelCard.of(trained, config, fileName, command);
    AtomicFiles.write(out, card.json(version).getBytes(StandardCharsets.UTF_8), out.toString());
    Evaluation t = card.test();
    context.out().printf(Locale.ROOT, "vgac train: %s (%d labelled jobs, label %s): test part n=%d, prevalence"
        + " %.3f, AUROC %.3f, ECE %.3f (95%% upper %.3f), tier %d / %d; wrote %s%n", swept.name(),
        trained.data().size(), label, t.n(), t.prevalence(), t.auroc(), t.ece(), t.eceUpper(), t.tierPoint(),
        t.tierUpper(), out);
    return 0;
  }
}
