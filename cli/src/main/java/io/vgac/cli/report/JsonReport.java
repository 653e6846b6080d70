package io.vgac.cli.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.vgac.calibration.Interval;
import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.metrics.BootstrapResult;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.Metric;
import io.vgac.calibration.metrics.TailGap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The {@code --format json} document: the fields of the CLI contract in snake_case plus a few extras ({@code ace},
 * {@code spiegelhalter_p}, {@code observed_expected}, {@code calibration_slope}, {@code calibration_intercept},
 * {@code corp}, {@code binning}, {@code bins_requested}, {@code ci_tail}, {@code ci_level}, {@code bootstrap}). Counts are JSON
 * integers; undefined values are {@code null}, never NaN.
 */
final class JsonReport {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReport() {}

  /** The document as UTF-8, ending with a newline. */
  static byte[] render(ReportResult result) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter(
              Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      write(g, result);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen writing to memory
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  private static void write(JsonGenerator g, ReportResult result) throws IOException {
    CalibrationReport r = result.report();
    g.writeStartObject();
    g.writeStringField("input", result.input());
    g.writeNumberField("n", r.n());
    count(g, "positives", r.positives());
    number(g, "prevalence", r.prevalence());
    number(g, "auroc", r.auroc());
    number(g, "auprc", r.auprc());
    number(g, "brier", r.brier());
    number(g, "log_loss", r.logLoss());
    number(g, "ece", r.ece());
    number(g, "mce", r.mce());
    number(g, "rmsce", r.rmsce());
    number(g, "ece_debiased", r.eceDebiased());
    number(g, "ace", r.ace());
    number(g, "spiegelhalter_z", r.spiegelhalterZ());
    number(g, "spiegelhalter_p", r.spiegelhalterP());
    number(g, "observed_expected", r.observedExpected());
    number(g, "calibration_slope", r.calibrationSlope());
    number(g, "calibration_intercept", r.calibrationIntercept());

    g.writeObjectFieldStart("murphy");
    number(g, "reliability", r.murphy().reliability());
    number(g, "resolution", r.murphy().resolution());
    number(g, "uncertainty", r.murphy().uncertainty());
    number(g, "within_bin_variance", r.murphy().withinBinVariance());
    number(g, "within_bin_covariance", r.murphy().withinBinCovariance());
    g.writeEndObject();

    g.writeObjectFieldStart("corp");
    number(g, "mcb", r.corp().miscalibration());
    number(g, "dsc", r.corp().discrimination());
    number(g, "unc", r.corp().uncertainty());
    g.writeEndObject();

    g.writeArrayFieldStart("tail");
    for (TailGap t : r.tail()) {
      g.writeStartObject();
      number(g, "tau", t.tau());
      g.writeNumberField("n", t.n());
      number(g, "gap", t.gap());
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeStringField("binning", r.binning().name());
    g.writeNumberField("bins_requested", result.binsRequested());
    g.writeArrayFieldStart("bins");
    for (Bin b : r.bins()) {
      g.writeStartObject();
      number(g, "lo", b.lo());
      number(g, "hi", b.hi());
      g.writeNumberField("n", b.n());
      number(g, "mean_p", b.meanP());
      number(g, "observed", b.observed());
      count(g, "positives", b.positives());
      number(g, "ci_lo", b.ciLo());
      number(g, "ci_hi", b.ciHi());
      g.writeEndObject();
    }
    g.writeEndArray();

    g.writeObjectFieldStart("tier");
    g.writeNumberField("qualified", result.tier().tier());
    g.writeStringField("name", result.tier().name());
    g.writeEndObject();

    BootstrapResult bootstrap = result.bootstrap();
    if (bootstrap != null) {
      g.writeObjectFieldStart("ci");
      for (Metric m : Metric.values()) { // a stable order
        Interval ci = bootstrap.interval(m);
        if (ci != null) {
          interval(g, m.jsonName(), ci);
        }
      }
      g.writeEndObject();
      g.writeArrayFieldStart("ci_tail");
      for (Map.Entry<Double, Interval> e : bootstrap.tailGaps().entrySet()) {
        g.writeStartObject();
        number(g, "tau", e.getKey());
        interval(g, "gap", e.getValue());
        g.writeEndObject();
      }
      g.writeEndArray();
      number(g, "ci_level", bootstrap.level());
      g.writeObjectFieldStart("bootstrap");
      g.writeNumberField("resamples", bootstrap.resamples());
      g.writeNumberField("seed", bootstrap.seed());
      g.writeBooleanField("stratified", bootstrap.stratified());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void interval(JsonGenerator g, String field, Interval ci) throws IOException {
    g.writeArrayFieldStart(field);
    number(g, ci.lo());
    number(g, ci.hi());
    g.writeEndArray();
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

  /** A sum of unit weights: an integer when it is one. */
  private static void count(JsonGenerator g, String field, double v) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
      g.writeNumberField(field, (long) v);
    } else {
      number(g, field, v);
    }
  }
}
