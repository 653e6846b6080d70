package io.vgac.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.metrics.Bootstrap;
import io.vgac.calibration.metrics.BootstrapConfig;
import io.vgac.calibration.metrics.BootstrapResult;
import io.vgac.calibration.metrics.CalibrationMetrics;
import io.vgac.calibration.metrics.CalibrationOptions;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.Metric;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.policy.TierPolicy;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The README's ten-line sample, verbatim, so that it keeps compiling and meaning what it says. */
class ReadmeSampleTest {
  @Test
  void readmeSampleRuns() {
    SplittableRandom rnd = new SplittableRandom(3);
    double[] probabilities = new double[5_000];
    int[] outcomes = new int[5_000];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = rnd.nextDouble();
      outcomes[i] = rnd.nextDouble() < probabilities[i] ? 1 : 0;
    }

    Predictions data = Predictions.of(probabilities, outcomes);                  // validated: p ∈ [0,1], y ∈ {0,1}
    CalibrationReport r = CalibrationMetrics.report(data,
        CalibrationOptions.builder().binning(Binning.uniform(15)).build());      // ECE, MCE, Brier, AUROC, … + bin table
    BootstrapResult ci = Bootstrap.run(data, CalibrationOptions.ofDefaults(),
        BootstrapConfig.builder().resamples(1000).seed(42).build());             // percentile intervals, seeded
    int tier = TierPolicy.standard().qualifiedTier(r.ece());                     // 0 none … 4 gate
    Scope scope = AutonomyPolicy.ofDefaults().scopeForEce(r.ece(), r.n());       // AUTONOMOUS | NOTIFY | ESCALATE

    assertThat(r.ece()).isLessThan(0.05);
    // The plug-in ECE is biased upwards and so are its resamples: for a well-calibrated model the percentile
    // interval can sit wholly above the point estimate. Its upper end is what honest qualification uses.
    assertThat(ci.interval(Metric.ECE).hi()).isGreaterThan(r.ece());
    assertThat(ci.interval(Metric.AUROC).contains(r.auroc())).isTrue();
    assertThat(tier).isBetween(3, 4);
    assertThat(scope).isIn(Scope.AUTONOMOUS, Scope.NOTIFY);
  }
}
