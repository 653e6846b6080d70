package io.vgac.agents.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.gate.ActionGate;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.agents.gate.GateConfig;
import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gate → decision log → read back, with a live tracker as the evidence source. */
class GatedDecisionLogTest {
  @TempDir Path dir;

  @Test
  void everyGatedDecisionIsLoggedOnceWithItsEvidence() {
    Clock clock = Clock.fixed(Records.T0, ZoneOffset.UTC);
    EnvironmentTrackers trackers = EnvironmentTrackers.ofDefaults();
    for (int i = 0; i < 10; i++) {
      trackers.update("young", 0.5, i % 2);
    }
    RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
    Path f = dir.resolve("decisions.jsonl");
    try (FileDecisionLog log = FileDecisionLog.open(f)) {
      GatedActions actions = new GatedActions(
          new ActionGate(GateConfig.ofDefaults(), clock), EvidenceSource.of(trackers, clock), scheduler, log);
      actions.hold("young", "j1", 0.95, "risk");
      actions.annotate("never-seen", "j2", 0.95, "k", "v");
    }
    DecisionLogContents c = DecisionLog.read(f);
    assertThat(c.records()).hasSize(2);
    DecisionRecord young = c.records().get(0);
    assertThat(young.decision().wireName()).isEqualTo("escalated");
    assertThat(young.reason()).isEqualTo("Learning mode for cluster young (10 samples)");
    assertThat(young.sampleCount()).isEqualTo(10);
    assertThat(young.p()).isEqualTo(0.95);
    assertThat(young.time()).isEqualTo(Records.T0);
    DecisionRecord unknown = c.records().get(1);
    assertThat(unknown.sampleCount()).isZero();
    assertThat(unknown.decision().wireName()).isEqualTo("escalated");
    assertThat(scheduler.count()).isZero();
  }
}
