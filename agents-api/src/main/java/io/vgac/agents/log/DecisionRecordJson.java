package io.vgac.agents.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.GateState;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.model.AgentsJson;
import io.vgac.calibration.policy.Scope;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The wire form of a {@link DecisionRecord}: one JSON object on one line, fields in a fixed order, NaN as
 * {@code null}, {@code ece_ci} as {@code [lo, hi]}.
 */
public final class DecisionRecordJson {
  /** Field names, in the order written. The first fourteen are the CLI contract's. */
  public static final String TIME = "time";
  public static final String ENV = "env";
  public static final String JOB_ID = "job_id";
  public static final String ACTION = "action";
  public static final String TIER = "tier";
  public static final String SCOPE = "scope";
  public static final String DECISION = "decision";
  public static final String REASON = "reason";
  public static final String P = "p";
  public static final String ECE = "ece";
  public static final String ECE_CI = "ece_ci";
  public static final String SAMPLE_COUNT = "sample_count";
  public static final String CALIBRATION_SCORE = "calibration_score";
  public static final String DRIFT = "drift";
  public static final String QUALIFIED_TIER = "qualified_tier";
  public static final String GATE_STATE = "gate_state";
  /** Optional: written only when the record states who proposed the action. */
  public static final String PLANNER = "planner";
  /** Optional: written only when the environment's realised wait-interval coverage is known. */
  public static final String INTERVAL_COVERAGE = "interval_coverage";
  /** Optional: its Wilson interval {@code [lo, hi]}, written with it. */
  public static final String INTERVAL_COVERAGE_CI = "interval_coverage_ci";

  private static final JsonFactory FACTORY = AgentsJson.mapper().getFactory();

  private DecisionRecordJson() {}

  /** The record as one line of JSON, without the line break. */
  public static String write(DecisionRecord r) {
    StringWriter out = new StringWriter(384);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField(TIME, r.time().toString());
      g.writeStringField(ENV, r.env());
      g.writeStringField(JOB_ID, r.jobId());
      g.writeStringField(ACTION, r.action().wireName());
      g.writeNumberField(TIER, r.tier());
      g.writeStringField(SCOPE, r.scope().name());
      g.writeStringField(DECISION, r.decision().wireName());
      g.writeStringField(REASON, r.reason());
      number(g, P, r.p());
      number(g, ECE, r.ece());
      g.writeArrayFieldStart(ECE_CI);
      number(g, r.eceCiLo());
      number(g, r.eceCiHi());
      g.writeEndArray();
      g.writeNumberField(SAMPLE_COUNT, r.sampleCount());
      number(g, CALIBRATION_SCORE, r.calibrationScore());
      if (r.drift() == null) {
        g.writeNullField(DRIFT);
      } else {
        g.writeStringField(DRIFT, r.drift());
      }
      g.writeNumberField(QUALIFIED_TIER, r.qualifiedTier());
      g.writeStringField(GATE_STATE, r.gateState().name());
      if (r.planner() != null) {
        g.writeStringField(PLANNER, r.planner());
      }
      if (Double.isFinite(r.intervalCoverage())) {
        number(g, INTERVAL_COVERAGE, r.intervalCoverage());
        g.writeArrayFieldStart(INTERVAL_COVERAGE_CI);
        number(g, r.intervalCoverageCiLo());
        number(g, r.intervalCoverageCiHi());
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /**
   * Parses one line.
   *
   * @throws IllegalArgumentException when the line is not JSON, or a required field is missing or invalid
   */
  public static DecisionRecord read(String line) {
    JsonNode n;
    try {
      n = AgentsJson.mapper().readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("Malformed decision-log line: " + e.getMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("Malformed decision-log line: not a JSON object");
    }
    try {
      JsonNode ci = n.path(ECE_CI);
      return new DecisionRecord(
          Instant.parse(text(n, TIME)),
          text(n, ENV),
          text(n, JOB_ID),
          ProposedAction.fromWireName(text(n, ACTION)),
          n.path(TIER).asInt(0),
          Scope.valueOf(text(n, SCOPE)),
          Decision.fromWireName(text(n, DECISION)),
          text(n, REASON),
          number(n.path(P)),
          number(n.path(ECE)),
          number(ci.path(0)),
          number(ci.path(1)),
          n.path(SAMPLE_COUNT).asLong(0),
          number(n.path(CALIBRATION_SCORE)),
          n.path(DRIFT).isTextual() ? n.path(DRIFT).asText() : null,
          n.path(QUALIFIED_TIER).asInt(0),
          n.path(GATE_STATE).isTextual() ? GateState.valueOf(n.path(GATE_STATE).asText()) : GateState.LEARNING,
          n.path(PLANNER).isTextual() ? n.path(PLANNER).asText() : null,
          number(n.path(INTERVAL_COVERAGE)),
          number(n.path(INTERVAL_COVERAGE_CI).path(0)),
          number(n.path(INTERVAL_COVERAGE_CI).path(1)));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Invalid decision-log line: " + TIME + " is not ISO-8601", e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("Invalid decision-log line: " + field + " is missing or not a string");
    }
    return v.asText();
  }

  private static double number(@Nullable JsonNode v) {
    return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
  }

  private static void number(JsonGenerator g, String field, double v) throws IOException {
    g.writeFieldName(field);
    number(g, v);
  }

  private static void number(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }
}
