package io.vgac.calibration.metrics;

import java.util.function.ToDoubleFunction;

/** The scalar metrics of a {@link CalibrationReport}, with their JSON names. */
public enum Metric {
  PREVALENCE("prevalence", CalibrationReport::prevalence, Group.TOTALS),
  AUROC("auroc", CalibrationReport::auroc, Group.RANKING),
  AUPRC("auprc", CalibrationReport::auprc, Group.RANKING),
  BRIER("brier", CalibrationReport::brier, Group.TOTALS),
  LOG_LOSS("log_loss", CalibrationReport::logLoss, Group.LOG_LOSS),
  ECE("ece", CalibrationReport::ece, Group.BINS),
  MCE("mce", CalibrationReport::mce, Group.BINS),
  RMSCE("rmsce", CalibrationReport::rmsce, Group.BINS),
  ECE_DEBIASED("ece_debiased", CalibrationReport::eceDebiased, Group.BINS),
  ACE("ace", CalibrationReport::ace, Group.ACE),
  RELIABILITY("reliability", r -> r.murphy().reliability(), Group.BINS),
  RESOLUTION("resolution", r -> r.murphy().resolution(), Group.BINS),
  UNCERTAINTY("uncertainty", r -> r.murphy().uncertainty(), Group.TOTALS),
  CORP_MCB("corp_mcb", r -> r.corp().miscalibration(), Group.CORP),
  CORP_DSC("corp_dsc", r -> r.corp().discrimination(), Group.CORP),
  SPIEGELHALTER_Z("spiegelhalter_z", CalibrationReport::spiegelhalterZ, Group.TOTALS),
  OBSERVED_EXPECTED("observed_expected", CalibrationReport::observedExpected, Group.TOTALS),
  CALIBRATION_SLOPE("calibration_slope", CalibrationReport::calibrationSlope, Group.LOGISTIC),
  CALIBRATION_INTERCEPT("calibration_intercept", CalibrationReport::calibrationIntercept, Group.LOGISTIC);

  /** Families computed together; the bootstrap computes only the families its metrics need. */
  enum Group {
    TOTALS,
    RANKING,
    LOG_LOSS,
    BINS,
    ACE,
    CORP,
    LOGISTIC,
    TAIL
  }

  private final String jsonName;
  private final ToDoubleFunction<CalibrationReport> getter;
  final Group group;

  Metric(String jsonName, ToDoubleFunction<CalibrationReport> getter, Group group) {
    this.jsonName = jsonName;
    this.getter = getter;
    this.group = group;
  }

  /** The snake_case name used in JSON output. */
  public String jsonName() {
    return jsonName;
  }

  public double valueOf(CalibrationReport report) {
    return getter.applyAsDouble(report);
  }
}
