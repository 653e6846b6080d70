package io.vgac.calibration.drift;

/**
 * Outcome of {@link PopulationStabilityIndex#compute(double[], double[])}.
 *
 * @param value the PSI, ≥ 0; NaN when a sample was empty
 * @param band the band of {@code value}; {@link PsiBand#INSUFFICIENT_DATA} when a sample was empty
 * @param referenceSize number of reference scores
 * @param currentSize number of current scores
 */
public record PsiResult(double value, PsiBand band, int referenceSize, int currentSize) {}
