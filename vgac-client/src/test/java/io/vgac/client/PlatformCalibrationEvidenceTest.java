package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.TrackerState;
import io.vgac.testkit.vgac.Fault;
import io.vgac.testkit.vgac.FakeVgacServer;
import io.vgac.testkit.vgac.VgacWire;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The platform's calibration as gate evidence; a platform that cannot answer gives no evidence (an exception). */
class PlatformCalibrationEvidenceTest {
  private final TestPlatform p = new TestPlatform();

  @AfterEach
  void stop() {
    p.close();
  }

  @Test
  void aWellCalibratedPlatformGivesAutonomousEvidenceObservedWhenRead() {
    CalibrationEvidence e = p.client().evidence().evidence("eks-prod-gpu");
    assertThat(e).isNotNull();
    assertThat(e.envId()).isEqualTo("eks-prod-gpu");
    assertThat(e.sampleCount()).isEqualTo(1847);
    assertThat(e.learning()).isFalse();
    assertThat(e.ece()).isEqualTo(0.018);
    assertThat(e.calibrationScore()).isEqualTo(AutonomyPolicy.ofDefaults().calibrationScore(0.018));
    assertThat(e.scope()).isEqualTo(Scope.AUTONOMOUS);
    assertThat(e.qualifiedTier()).isEqualTo(TierPolicy.standard().qualifiedTier(0.018)).isPositive();
    assertThat(e.machineState()).isEqualTo(TrackerState.CALIBRATED);
    assertThat(e.observedAt()).isEqualTo(TestPlatform.T0);
  }

  @Test
  void unknownEceFewSamplesAndRecalibrationNeededNarrowTheScope() {
    p.server.calibration(VgacWire.calibration(Double.NaN, 5000, false, null));
    CalibrationEvidence unknown = new PlatformCalibrationEvidence(p.client(), Duration.ZERO,
        AutonomyPolicy.ofDefaults(), TierPolicy.standard()).evidence("eks-prod-gpu");
    assertThat(unknown.ece()).isNaN();
    assertThat(unknown.calibrationScore()).isNaN();
    assertThat(unknown.scope()).isEqualTo(Scope.ESCALATE);
    assertThat(unknown.qualifiedTier()).isZero();

    PlatformCalibrationEvidence src = new PlatformCalibrationEvidence(p.client(), Duration.ZERO,
        AutonomyPolicy.ofDefaults(), TierPolicy.standard());
    p.server.calibration(VgacWire.calibration(0.01, 10, false, null));
    CalibrationEvidence learning = src.evidence("eks-prod-gpu");
    assertThat(learning.learning()).isTrue();
    assertThat(learning.machineState()).isEqualTo(TrackerState.LEARNING);
    assertThat(learning.scope()).isEqualTo(Scope.ESCALATE);

    p.server.calibration(VgacWire.calibration(0.01, 5000, true, null));
    CalibrationEvidence drifting = src.evidence("eks-prod-gpu");
    assertThat(drifting.machineState()).isEqualTo(TrackerState.DRIFTING);
    assertThat(drifting.scope()).isEqualTo(Scope.NOTIFY);
  }

  @Test
  void anotherClusterIsUnknown() {
    assertThat(p.client().evidence().evidence("slurm-a")).isNull();
    assertThat(p.server.requestCount(FakeVgacServer.CALIBRATION)).isZero();
  }

  @Test
  void aPlatformThatCannotAnswerGivesNoEvidence() {
    VgacClient c = p.client(p.config().clusterId("eks-prod-gpu").build());
    p.server.failAlways(Fault.status(503));
    assertThatThrownBy(() -> c.evidence().evidence("eks-prod-gpu")).isInstanceOf(PlatformUnavailableException.class)
        .hasMessageContaining("GET /api/jobs/predict/calibration");
  }

  @Test
  void anAnswerIsReusedForItsTtlAndNeverAfter() {
    VgacClient c = p.client();
    PlatformCalibrationEvidence src = c.evidence();
    src.evidence("eks-prod-gpu");
    p.clock.advance(PlatformCalibrationEvidence.DEFAULT_TTL.minusMillis(1));
    assertThat(src.evidence("eks-prod-gpu").observedAt()).isEqualTo(TestPlatform.T0);
    assertThat(p.server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(1);

    p.clock.advance(Duration.ofMillis(1));
    p.server.failAlways(Fault.status(500));
    assertThatThrownBy(() -> src.evidence("eks-prod-gpu")).as("an expired answer is no fallback")
        .isInstanceOf(PlatformUnavailableException.class);
  }
}
