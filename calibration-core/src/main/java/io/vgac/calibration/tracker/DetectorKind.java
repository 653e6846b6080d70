package io.vgac.calibration.tracker;

/** The detectors a tracker runs, with the names used on the command line and in JSON. */
public enum DetectorKind {
  /** {@link io.vgac.calibration.drift.CalibrationEDetector} on (p, y). */
  CALIBRATION_EPROCESS("calibration-eprocess"),
  /** The design's ECE-ratio rule on the sliding window; one alarm per excursion above MODERATE. */
  ECE_RATIO("ece-ratio"),
  /** ADWIN on the signed residual y − p. */
  ADWIN("adwin"),
  /** Page-Hinkley on the absolute error |y − p| (detects increases only). */
  PAGE_HINKLEY("page-hinkley");

  private final String cliName;

  DetectorKind(String cliName) {
    this.cliName = cliName;
  }

  /** "calibration-eprocess", "ece-ratio", "adwin" or "page-hinkley". */
  public String cliName() {
    return cliName;
  }
}
