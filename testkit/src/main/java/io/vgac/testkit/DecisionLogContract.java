package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgac.agents.gate.ActionRequest;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.gate.GateState;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.log.DecisionLog;
import io.vgac.agents.log.DecisionRecord;
import io.vgac.agents.log.DecisionRecordJson;
import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DecisionLog}: every implementation's test extends this class and implements
 * {@link #create}; a durable log also overrides {@link #reopen}, and one that stores text {@link #storedLines}.
 * Covers: records come back exactly (NaN evidence, no drift, any text) in append order, also after a reopen; queries
 * by environment and half-open time range; the wire form has the field names of the CLI contract ({@code cli.md},
 * {@code demo}); a gate decision is recorded as {@link DecisionRecord#of}; and 8 threads appending at once lose no
 * record. A log that is {@link AutoCloseable} is closed after each test.
 */
public abstract class DecisionLogContract {
  /** The time of the first record. */
  protected static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  /** The fields every decision-log line has, by {@code design/cli.md}. */
  public static final List<String> CLI_FIELDS = List.of("time", "env", "job_id", "action", "tier", "scope",
      "decision", "reason", "p", "ece", "ece_ci", "sample_count", "calibration_score", "drift");
  private static final int THREADS = 8;
  private static final int APPENDS_PER_THREAD = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The log under test. */
  protected DecisionLog log;

  /** A new, empty log. */
  protected abstract DecisionLog create() throws Exception;

  /**
   * The same log as a new process would open it (close, then open again); the default returns {@code log} itself,
   * for logs that do not outlive the process.
   */
  protected DecisionLog reopen(DecisionLog log) throws Exception {
    return log;
  }

  /**
   * The log's lines as stored, one JSON object per record, when it stores text; empty (the default) when it keeps
   * objects, and the contract then checks the wire form {@link DecisionRecordJson} gives its records.
   */
  protected Optional<List<String>> storedLines(DecisionLog log) throws Exception {
    return Optional.empty();
  }

  @BeforeEach
  void createLog() throws Exception {
    log = create();
  }

  @AfterEach
  void closeLog() throws Exception {
    if (log instanceof AutoCloseable) {
      ((AutoCloseable) log).close();
    }
  }

  /** Reopens the log under test (see {@link #reopen}) and keeps the new instance. */
  protected final DecisionLog restart() throws Exception {
    log = reopen(log);
    return log;
  }

  /** A valid record: an executed annotation of {@code job} in {@code env} at {@code time}. */
  protected static DecisionRecord record(String env, String job, Instant time) {
    return new DecisionRecord(time, env, job, ProposedAction.ANNOTATE, 1, Scope.AUTONOMOUS, Decision.EXECUTE,
        "Calibration 0.95 for cluster " + env + ": tier 1 qualified, p = 0.420 ≥ 0.3", 0.42, 0.01, 0.005, 0.02,
        1847, 0.95, "NONE", 4, GateState.AUTONOMOUS);
  }

  /** Records that use every enum value, NaN evidence, no drift and awkward text. */
  protected static List<DecisionRecord> varied() {
    List<DecisionRecord> out = new ArrayList<>();
    int i = 0;
    for (ProposedAction a : ProposedAction.values()) {
      for (Decision d : Decision.values()) {
        GateState s = GateState.values()[i % GateState.values().length];
        Scope scope = Scope.values()[i % Scope.values().length];
        boolean unknown = i % 3 == 0;
        out.add(new DecisionRecord(T0.plusMillis(1234L * i), "env-" + (i % 2), "job-" + i, a, a.tier(), scope, d,
            "reason " + i + ": \"quoted\", ü ✓, back\\slash,\nnew line", unknown ? Double.NaN : i / 100.0,
            unknown ? Double.NaN : 0.031, unknown ? Double.NaN : 0.02, unknown ? Double.NaN : 0.045,
            unknown ? 0 : 100L * i, unknown ? Double.NaN : 0.845, unknown ? null : DriftSeverity.values()[i % 4].name(),
            i % 5, s));
        i++;
      }
    }
    return out;
  }

  @Test
  void anEmptyLogHasNoRecords() throws Exception {
    assertThat(log.records()).isEmpty();
    assertThat(log.query("env", Instant.MIN, Instant.MAX)).isEmpty();
    assertThat(restart().records()).isEmpty();
  }

  @Test
  void recordsComeBackExactlyInAppendOrder() throws Exception {
    List<DecisionRecord> all = varied();
    for (DecisionRecord r : all) {
      log.append(r);
    }
    assertThat(log.records()).containsExactlyElementsOf(all);
    assertThat(restart().records()).containsExactlyElementsOf(all);
    DecisionRecord nan = restart().records().get(0);
    assertThat(nan.p()).isNaN();
    assertThat(nan.ece()).isNaN();
    assertThat(nan.eceCiLo()).isNaN();
    assertThat(nan.drift()).isNull();
    DecisionRecord later = record("env-0", "after-reopen", T0.plusSeconds(3600));
    log.append(later);
    assertThat(restart().records()).hasSize(all.size() + 1).endsWith(later);
  }

  @Test
  void queriesSelectOneEnvironmentAndAHalfOpenTimeRange() throws Exception {
    List<DecisionRecord> a = new ArrayList<>();
    for (int i = 9; i >= 0; i--) { // appended newest first: the answer keeps append order
      DecisionRecord r = record("a", "job-" + i, T0.plusSeconds(60L * i));
      a.add(r);
      log.append(r);
      log.append(record("b", "other-" + i, T0.plusSeconds(60L * i)));
    }
    restart();
    assertThat(log.query("a", T0.plusSeconds(120), T0.plusSeconds(300)))
        .as("[from, to): from included, to excluded, append order")
        .containsExactly(a.get(5), a.get(6), a.get(7));
    assertThat(log.query("a", T0, T0.plusSeconds(600))).containsExactlyElementsOf(a);
    assertThat(log.query("a", T0.plusSeconds(120), T0.plusSeconds(120))).isEmpty();
    assertThat(log.query("b", Instant.MIN, Instant.MAX)).hasSize(10)
        .allSatisfy(r -> assertThat(r.env()).isEqualTo("b"));
    assertThat(log.query("c", Instant.MIN, Instant.MAX)).isEmpty();
    assertThat(log.query("A", Instant.MIN, Instant.MAX)).as("environments are case-sensitive").isEmpty();
  }

  @Test
  void theWireFormHasTheFieldsOfTheCliContract() throws Exception {
    List<DecisionRecord> all = varied();
    for (DecisionRecord r : all) {
      log.append(r);
    }
    DecisionLog reopened = restart();
    List<String> lines = storedLines(reopened)
        .orElseGet(() -> reopened.records().stream().map(DecisionRecordJson::write).toList());
    assertThat(lines).hasSize(all.size());
    Set<String> scopes = Set.of("AUTONOMOUS", "NOTIFY", "ESCALATE");
    Set<String> decisions = Set.of("executed", "executed_and_notified", "escalated", "denied");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      DecisionRecord r = all.get(i);
      assertThat(line).as("one line per record").doesNotContain("\n");
      JsonNode n = JSON.readTree(line);
      List<String> fields = new ArrayList<>();
      n.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).as(line).containsAll(CLI_FIELDS);
      assertThat(n.get("time").asText()).isEqualTo(r.time().toString());
      assertThat(n.get("env").asText()).isEqualTo(r.env());
      assertThat(n.get("job_id").asText()).isEqualTo(r.jobId());
      assertThat(n.get("action").asText()).isEqualTo(r.action().wireName());
      assertThat(n.get("tier").asInt()).isEqualTo(r.tier());
      assertThat(n.get("scope").asText()).isIn(scopes).isEqualTo(r.scope().name());
      assertThat(n.get("decision").asText()).isIn(decisions).isEqualTo(r.decision().wireName());
      assertThat(n.get("reason").asText()).isEqualTo(r.reason());
      assertNumber(n.get("p"), r.p());
      assertNumber(n.get("ece"), r.ece());
      assertThat(n.get("ece_ci").isArray()).isTrue();
      assertThat(n.get("ece_ci")).hasSize(2);
      assertNumber(n.get("ece_ci").get(0), r.eceCiLo());
      assertNumber(n.get("ece_ci").get(1), r.eceCiHi());
      assertThat(n.get("sample_count").asLong()).isEqualTo(r.sampleCount());
      assertNumber(n.get("calibration_score"), r.calibrationScore());
      if (r.drift() == null) {
        assertThat(n.get("drift").isNull()).isTrue();
      } else {
        assertThat(n.get("drift").asText()).isEqualTo(r.drift());
      }
      assertThat(DecisionRecordJson.read(line)).isEqualTo(r);
    }
  }

  private static void assertNumber(@Nullable JsonNode n, double expected) {
    assertThat(n).isNotNull();
    if (Double.isNaN(expected)) {
      assertThat(n.isNull()).as("NaN is null on the wire").isTrue();
    } else {
      assertThat(n.isNumber()).isTrue();
      assertThat(n.asDouble()).isEqualTo(expected);
    }
  }

  @Test
  void aGateDecisionIsRecordedWithItsEvidence() throws Exception {
    CalibrationEvidence e = new CalibrationEvidence("eks-prod", 1847, false, 0.92, Scope.AUTONOMOUS, 4, 0.016,
        new Interval(0.011, 0.022, 0.9), DriftSeverity.MODERATE, TrackerState.CALIBRATED, T0);
    GateDecision d = new GateDecision(T0, new ActionRequest("eks-prod", "job-1", ProposedAction.HOLD, 0.93), 4,
        Scope.AUTONOMOUS, Decision.EXECUTE, "Calibration 0.92 for cluster eks-prod", GateState.AUTONOMOUS, e);
    GateDecision unknown = new GateDecision(T0.plusSeconds(1), new ActionRequest("new", "job-2",
        ProposedAction.REQUEUE, Double.NaN), 4, Scope.ESCALATE, Decision.ESCALATE,
        "Unknown environment: no calibration evidence for cluster new", GateState.LEARNING, null);
    log.record(d);
    log.record(unknown);
    assertThat(restart().records()).containsExactly(DecisionRecord.of(d), DecisionRecord.of(unknown));
    DecisionRecord r = log.records().get(0);
    assertThat(r.ece()).isEqualTo(0.016);
    assertThat(r.eceCiHi()).isEqualTo(0.022);
    assertThat(r.drift()).isEqualTo("MODERATE");
    assertThat(log.records().get(1).sampleCount()).isZero();
  }

  @Test
  void concurrentAppendsKeepEveryRecord() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String env = "env-" + t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < APPENDS_PER_THREAD; i++) {
            log.append(record(env, "job-" + i, T0.plusMillis(i)));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int pass = 0; pass < 2; pass++) {
      DecisionLog l = pass == 0 ? log : restart();
      List<DecisionRecord> all = l.records();
      assertThat(all).hasSize(THREADS * APPENDS_PER_THREAD);
      Set<String> keys = new HashSet<>();
      all.forEach(r -> keys.add(r.env() + "/" + r.jobId()));
      assertThat(keys).hasSize(THREADS * APPENDS_PER_THREAD);
      for (int t = 0; t < THREADS; t++) {
        // each thread's records in the order it appended them
        assertThat(l.query("env-" + t, Instant.MIN, Instant.MAX)).extracting(DecisionRecord::jobId)
            .containsExactlyElementsOf(IntStream.range(0, APPENDS_PER_THREAD).mapToObj(i -> "job-" + i).toList());
      }
    }
    storedLines(log).ifPresent(lines -> assertThat(lines).hasSize(THREADS * APPENDS_PER_THREAD)
        .allSatisfy(line -> assertThat(DecisionRecordJson.read(line).reason()).startsWith("Calibration")));
  }
}
