/**
 * Conformal prediction intervals for waits and their online coverage control: the split-conformal quantile of
 * absolute log-residuals (finite-sample correct), adaptive conformal inference (Gibbs &amp; Candès 2021) and two-sided
 * conformal PID bands (Angelopoulos, Candès &amp; Tibshirani 2023, for late labels) for coverage under shift, and
 * realised coverage with a Wilson interval. Pure computation: no I/O, no clock.
 */
@NullMarked
package io.vgac.calibration.conformal;

import org.jspecify.annotations.NullMarked;
