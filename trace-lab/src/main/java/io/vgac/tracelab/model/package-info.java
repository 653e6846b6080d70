/**
 * The built-in wait-risk model: L2-regularised logistic regression on standardised features, fitted by Newton/IRLS
 * ({@link io.vgac.tracelab.model.LogisticRegression}), then Platt-calibrated on the calibration part
 * ({@link io.vgac.tracelab.model.WaitRiskModel}) and saved as the JSON file the agents' default predictor loads
 * ({@link io.vgac.tracelab.model.WaitModelFiles}).
 */
@NullMarked
package io.vgac.tracelab.model;

import org.jspecify.annotations.NullMarked;
