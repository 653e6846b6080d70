package io.vgac.cli.lab;

import io.vgac.agents.Agents;
import io.vgac.agents.intervals.IntervalController;
import io.vgac.agents.intervals.IntervalControllerConfig;
import io.vgac.agents.intervals.IntervalCoverage;
import io.vgac.agents.gate.GateConfig;
import io.vgac.agents.log.FileDecisionLog;
import io.vgac.agents.spi.InMemoryClusterTelemetry;
import io.vgac.agents.spi.LogisticWaitModel;
import io.vgac.agents.spi.WaitRegressionModel;
import io.vgac.agents.spi.LogisticWaitPredictor;
import io.vgac.agents.store.FileCalibrationStore;
import io.vgac.agents.tools.Notifier;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.recalibration.CalibrationMethod;
import io.vgac.calibration.tracker.EnvironmentState;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerConfig;
import io.vgac.cli.Args;
import io.vgac.cli.AtomicFiles;
import io.vgac.cli.BadInputException;
import io.vgac.cli.Command;
import io.vgac.cli.CommandContext;
import io.vgac.cli.ProgressMeter;
import io.vgac.cli.UsageException;
import io.vgac.tracelab.eval.Evaluation;
import io.vgac.tracelab.eval.Evaluator;
import io.vgac.tracelab.eval.ReliabilitySvg;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainedRiskModel;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.model.WaitIntervalModel;
import io.vgac.tracelab.model.WaitIntervalTrainer;
import io.vgac.tracelab.model.WaitModelFiles;
import io.vgac.tracelab.read.Traces;
import io.vgac.tracelab.replay.AgentReplay;
import io.vgac.tracelab.replay.EnvironmentTally;
import io.vgac.tracelab.replay.RecalibratingPredictor;
import io.vgac.tracelab.replay.ReplayClock;
import io.vgac.tracelab.replay.ReplayEvent;
import io.vgac.tracelab.replay.ReplayPhase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code vgac demo}: trains the built-in model on the bundled KTH-SP2 trace (home), then replays its held-out
 * months and two new environments (UniLu-Gaia, the Alibaba GPU pods) through the four agents with the trained
 * predictor, the durable file store, the file decision log and the rule-based planner.
 */
public final class DemoCommand implements Command {
  /** Bootstrap resamples for the report's intervals (≈ 0.1 s per environment of 3,000 jobs here). */
  private static final int DEMO_BOOTSTRAP = 500;

  static final int DEFAULT_LIMIT = 3000;
  /** Labelled jobs an operator refit uses (the latest), and needs at least. */
  static final int RECALIBRATION_WINDOW = 1000;
  static final int MIN_RECALIBRATION = 200;
  /** Traces are sparse (KTH: a job every ~18 min): evidence is fresh while the last outcome is under a week old. */
  static final Duration MAX_EVIDENCE_AGE = Duration.ofDays(7);
  static final String HOME = "kth-sp2";

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "replay bundled real traces through the agents; report under ./vgac-out/";
  }

  @Override
  public String usage() {
    return "Usage: vgac demo [--out DIR] [--limit N] [--model FILE]\n\n"
        + "Trains the wait-risk model on the bundled KTH-SP2 trace (home), replays its held-out jobs, then UniLu-Gaia\n"
        + "and the Alibaba GPU pods as new environments, through the agents (built-in predictor, file store, file\n"
        + "decision log, rule-based planner). No network, no credentials.\n"
        + "  --out     output directory (default vgac-out): report.md, *.svg, decisions.jsonl, model.json, store/\n"
        + "  --limit   jobs replayed per environment (default " + DEFAULT_LIMIT + ")\n"
        + "  --model   use this wait-model JSON instead of training one (its threshold must be 600 s)\n";
  }

  @Override
  public Set<String> options() {
    return Set.of("--out", "--limit", "--model");
  }

  @Override
  public int run(Args args, CommandContext context) throws UsageException, BadInputException {
    Path out = Path.of(args.string("--out", "vgac-out"));
    int limit = args.intIn("--limit", DEFAULT_LIMIT, 100, 1_000_000);
    String modelPath = args.optional("--model");
    PrintStream say = context.out();
    LogisticWaitModel model;
    SweptTrace home = FeatureSweep.sweep(Traces.bundled(Traces.KTH_SP2));
    TrainedRiskModel trained = RiskModelTrainer.train(home, TrainingConfig.ofDefaults());
    WaitIntervalModel waits = WaitIntervalTrainer.train(trained);
    IntervalController intervals;
    if (modelPath != null) {
      try {
        model = LogisticWaitModel.load(Path.of(modelPath));
      } catch (RuntimeException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      WaitRegressionModel r = model.waitRegression();
      intervals = new IntervalController(IntervalControllerConfig.ofDefaults(),
          r == null ? new double[0] : new double[] {-r.intervalRadius(), r.intervalRadius()});
    } else {
      model = trained.model().toWaitModel("trace-lab-kth-sp2-1").withWaitRegression(waits.toWaitRegressionModel());
      // each new environment starts from the home calibration part's residuals (the static interval)
      intervals = new IntervalController(IntervalControllerConfig.ofDefaults(), waits.calibrationResiduals());
    }
    try {
      Files.createDirectories(out);
      Path store = out.resolve("store");
      if (Files.exists(store)) {
        deleteTree(store);
      }
      Files.deleteIfExists(out.resolve("decisions.jsonl"));
    } catch (IOException e) {
      throw new BadInputException(out + ": cannot prepare the output directory: " + e.getMessage(), e);
    }
    SweptTrace gaia = FeatureSweep.sweep(Traces.bundled(Traces.UNILU_GAIA));
    SweptTrace alibaba = FeatureSweep.sweep(Traces.bundled(Traces.ALIBABA_GPU));
    int homeFrom = trained.data().snapshots().get(trained.split().calibrateEnd()).order();
    List<ReplayPhase> phases = List.of(
        new ReplayPhase(HOME, home, homeFrom, Math.min(home.snapshots().size(), homeFrom + limit)),
        new ReplayPhase("unilu-gaia", gaia, 0, Math.min(limit, gaia.snapshots().size())),
        new ReplayPhase("alibaba-gpu", alibaba, 0, Math.min(limit, alibaba.snapshots().size())));

    say.println("vgac demo: home " + home.name() + " (model trained on its first 80 %, " + phases.get(0).jobs()
        + " held-out jobs replayed), new environments " + gaia.name() + " and " + alibaba.name() + ", " + limit
        + " jobs each at most");
    ReplayClock clock = new ReplayClock(Instant.EPOCH);
    AgentReplay replay = new AgentReplay(clock, MIN_RECALIBRATION);
    InMemoryClusterTelemetry telemetry = new InMemoryClusterTelemetry(clock);
    RecalibratingPredictor predictor = new RecalibratingPredictor(new LogisticWaitPredictor(model),
        CalibrationMethod.ISOTONIC, RECALIBRATION_WINDOW);
    FileDecisionLog log = FileDecisionLog.open(out.resolve("decisions.jsonl"), false);
    FileCalibrationStore store = new FileCalibrationStore(out.resolve("store"), clock, false);
    Agents agents = Agents.builder().clock(clock).telemetry(telemetry).predictor(predictor).notifier(Notifier.none())
        .trackers(new EnvironmentTrackers(TrackerConfig.ofDefaults(), clock::millis, replay.listener()))
        .store(store).decisionLog(log).intervals(intervals).gateConfig(GateConfig.builder().maxEvidenceAge(MAX_EVIDENCE_AGE).build())
        .build();
    int total = AgentReplay.eventCount(phases);
    ProgressMeter meter = ProgressMeter.of(context, "replaying", total);
    int[] shown = {0};
    long t0 = System.nanoTime();
    try {
      replay.run(agents, telemetry, predictor, phases, done -> {
        meter.accept(done);
        List<ReplayEvent> ev = replay.events();
        for (; shown[0] < ev.size(); shown[0]++) {
          String line = live(ev.get(shown[0]));
          if (line != null) {
            meter.finish();
            say.println(line);
          }
        }
      });
    } finally {
      meter.finish();
      log.close();
      store.close();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    // a seeded bootstrap gives the ECE's upper bound, so the table shows the honest tier beside the point tier
    Evaluator evaluator = new Evaluator(DEMO_BOOTSTRAP, 42);
    List<Evaluation> evals = new ArrayList<>();
    for (String env : replay.environments()) {
      EnvironmentTally t = replay.tally(env);
      evals.add(evaluator.evaluate(env + " (as replayed)", t.scoredProbabilities(), t.scoredLabels()));
    }
    String summary = summary(replay, agents, evals, seconds);
    say.print(summary);
    for (int i = 0; i < evals.size(); i++) {
      AtomicFiles.write(out.resolve("reliability-" + replay.environments().get(i) + ".svg"),
          ReliabilitySvg.render(evals.get(i)).getBytes(StandardCharsets.UTF_8), "reliability svg");
    }
    AtomicFiles.write(out.resolve("model.json"), WaitModelFiles.toJson(model, "Trained by ./vgac demo on "
        + home.name() + " (fit 60 %, Platt on the next 20 %)").getBytes(StandardCharsets.UTF_8), "model.json");
    AtomicFiles.write(out.resolve("report.md"), report(replay, agents, evals, summary, trained)
        .getBytes(StandardCharsets.UTF_8), "report.md");
    say.println("vgac demo: wrote " + out.resolve("report.md") + ", " + out.resolve("decisions.jsonl") + " and the"
        + " reliability diagrams");
    return 0;
  }

  /** The line printed live for a milestone; null for the noisy ones. */
  static String live(ReplayEvent e) {
    String head = String.format(Locale.ROOT, "  [%s] %-12s #%-5d ", e.time().toString().substring(0, 10), e.env(),
        e.sampleCount());
    switch (e.kind()) {
      case NEW_ENVIRONMENT:
        return "\n" + head + e.detail();
      case RECALIBRATION_REQUESTED:
        return head + "drift alarm → autonomy reduced, recalibration requested";
      case RECALIBRATED:
        return head + "recalibrated: " + e.detail();
      case TRANSITION:
        if (e.detail().startsWith("LEARNING → CALIBRATED")) {
          return head + "learning complete (50 outcomes): scope now follows calibration";
        }
        if (e.detail().contains("→ CALIBRATED")) {
          return head + "autonomy regained: fresh labels' ECE upper bound within the AUTONOMOUS limit";
        }
        return null;
      default:
        return null;
    }
  }

  static String summary(AgentReplay replay, Agents agents, List<Evaluation> evals, double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nSummary (replay %.1f s)%n", seconds));
    sb.append(String.format(Locale.ROOT, "%-12s %6s %9s %9s %9s %9s %9s %9s %6s %5s %5s %-13s %s%n", "env", "jobs",
        "ESCALATE", "NOTIFY", "AUTONOMOUS", "executed", "exec+ntfy", "escalated", "alarms", "recal", "ECE",
        "final state", "final scope"));
    int i = 0;
    for (String env : replay.environments()) {
      EnvironmentTally t = replay.tally(env);
      EnvironmentState s = agents.trackers().state(env);
      sb.append(String.format(Locale.ROOT, "%-12s %6d %9d %9d %9d %9d %9d %9d %6d %5d %5.3f %-13s %s%n", env,
          t.submitted(), t.jobsByScope().getOrDefault(Scope.ESCALATE, 0L),
          t.jobsByScope().getOrDefault(Scope.NOTIFY, 0L), t.jobsByScope().getOrDefault(Scope.AUTONOMOUS, 0L),
          t.executed(), t.notified(), t.escalated(), t.driftAlarms(), t.recalibrations(), evals.get(i++).ece(),
          s.machineState(), s.scope()));
    }
    sb.append("(ESCALATE/NOTIFY/AUTONOMOUS: jobs by the scope their cluster had at submission; executed/exec+ntfy/"
        + "escalated: gate decisions on planned actions; ECE: of the probabilities the agents acted on)\n");
    sb.append(intervals(replay, agents));
    return sb.toString();
  }

  /** Realised coverage of the wait intervals per environment, and a few predictions as people read them. */
  static String intervals(AgentReplay replay, Agents agents) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nWait intervals (adaptive, labels when jobs start)%n%-12s %7s %8s %9s"
        + " %17s %8s%n", "env", "scored", "nominal", "realised", "95% CI", "skipped"));
    for (String env : replay.environments()) {
      IntervalCoverage c = agents.intervals().coverage(env);
      long skipped = c.skips().values().stream().mapToLong(Long::longValue).sum();
      sb.append(String.format(Locale.ROOT, "%-12s %7d %7.0f%% %8.1f%% %7.1f%% – %5.1f%% %8d%n", env, c.scored(),
          100 * c.nominal(), 100 * c.coverage(), 100 * c.coverageInterval().lo(), 100 * c.coverageInterval().hi(),
          skipped));
    }
    sb.append("Examples:\n");
    for (String env : replay.environments()) {
      for (String line : replay.tally(env).examples()) {
        sb.append("  [").append(env).append("] ").append(line).append('\n');
      }
    }
    return sb.toString();
  }

  static String report(AgentReplay replay, Agents agents, List<Evaluation> evals, String summary,
      TrainedRiskModel trained) {
    StringBuilder sb = new StringBuilder();
    sb.append("# VGAC demo — calibration-aware agents on real traces\n\n");
    sb.append("Model: logistic regression (IRLS, L2, standardised) on the agents' queue features, Platt-calibrated;"
        + " trained on ").append(trained.data().name()).append(String.format(Locale.ROOT,
            " (%d labelled jobs: fit %d, calibrate %d, held out %d). Label: wait > %.0f s.%n%n",
            trained.data().size(), trained.split().fitEnd(), trained.split().calibrateEnd()
                - trained.split().fitEnd(), trained.split().n() - trained.split().calibrateEnd(),
            trained.model().thresholdSeconds()));
    sb.append("Data: bundled copies of the Parallel Workloads Archive (KTH-SP2, UniLu-Gaia; Feitelson, Tsafrir &"
        + " Krakov, JPDC 2014) and the Alibaba GPU 2023 pods (Weng et al., USENIX ATC 2023) — see"
        + " trace-lab's DATA.md.\n\n## Summary\n\n```\n").append(summary).append("```\n\n");
    sb.append("## Tier table (of the probabilities the agents acted on)\n\n");
    sb.append(TransferCommand.header());
    for (Evaluation e : evals) {
      sb.append(TransferCommand.row(e));
    }
    sb.append("\n## Reliability diagrams\n\n");
    for (String env : replay.environments()) {
      sb.append("![").append(env).append("](reliability-").append(env).append(".svg)\n");
    }
    sb.append("\n## Timeline\n\n| time | env | outcomes | event |\n|---|---|---|---|\n");
    for (ReplayEvent e : replay.events()) {
      sb.append("| ").append(e.time()).append(" | ").append(e.env()).append(" | ").append(e.sampleCount())
          .append(" | ").append(e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(": ")
          .append(e.detail()).append(" |\n");
    }
    return sb.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
