/**
 * Evaluation on real traces: the metrics with bootstrap intervals and the qualified tier in both qualification
 * modes ({@link io.vgac.tracelab.eval.Evaluator}), cross-cluster transfer with recalibration on the target's first
 * labelled jobs ({@link io.vgac.tracelab.eval.TransferExperiment}), and SVG reliability diagrams
 * ({@link io.vgac.tracelab.eval.ReliabilitySvg}).
 */
@NullMarked
package io.vgac.tracelab.eval;

import org.jspecify.annotations.NullMarked;
