package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.spi.States;
import io.vgac.agents.spi.TestClock;
import io.vgac.agents.store.FileCalibrationStore;
import io.vgac.agents.store.InMemoryCalibrationStore;
import io.vgac.agents.store.ProfileRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentProfileLearnerTest {
  final Instant t0 = Instant.parse("2026-01-05T00:00:00Z");
  final TestClock clock = new TestClock(t0);
  final EnvironmentProfileLearner learner = new EnvironmentProfileLearner(clock);

  /** Waits of 1,000 jobs, longer for jobs submitted 13:00–15:59 UTC. */
  double[] feed(EnvironmentProfileLearner l, int from, int to) {
    SplittableRandom random = new SplittableRandom(5);
    double[] waits = new double[to];
    for (int i = 0; i < to; i++) {
      Instant submitted = t0.plus(Duration.ofMinutes(37L * i));
      int hour = (int) ((37L * i / 60) % 24);
      waits[i] = (hour >= 13 && hour <= 15 ? 3600 : 300) * (0.5 + random.nextDouble());
      if (i >= from) {
        l.observe(States.state("c", 2, 5, 10, i % 20, submitted));
        assertThat(l.jobSubmitted("c", "j" + i, submitted)).isEqualTo(ProfileUpdate.ACCEPTED);
        assertThat(l.jobStarted("c", "j" + i, submitted.plusMillis((long) (waits[i] * 1000))))
            .isEqualTo(ProfileUpdate.ACCEPTED);
      }
    }
    return waits;
  }

  @Test
  void learnsMeansQuantilesAndPeakHours() {
    double[] waits = feed(learner, 0, 1000);
    ProfileRecord p = learner.profile("c").orElseThrow();
    assertThat(p.avgQueueDepth()).isCloseTo(9.5, offset(1e-9));
    assertThat(p.avgGpuUtilization()).isCloseTo(States.state("c", 2, 5, 10, 0, t0).gpuUtilization(), offset(1e-9));
    assertThat(p.peakHours()).containsExactlyInAnyOrder(13, 14, 15);
    double[] sorted = waits.clone();
    Arrays.sort(sorted);
    assertThat(p.typicalWaitMinutes()).isCloseTo(sorted[500] / 60, offset(0.05 * sorted[500] / 60));
    assertThat(p.waitQuantiles().p90()).isCloseTo(sorted[900] / 60, offset(0.05 * sorted[900] / 60));
    assertThat(p.waitQuantiles().count()).isEqualTo(1000);
    assertThat(p.updatedAt()).isEqualTo(t0);
  }

  @Test
  void badInputIsSkippedCountedAndLeavesTheProfileAlone() {
    feed(learner, 0, 100);
    ProfileRecord before = learner.profile("c").orElseThrow();
    Instant last = t0.plus(Duration.ofMinutes(37L * 99));
    assertThat(learner.observe(States.state("c", 2, 5, 10, 99, last))).isEqualTo(ProfileUpdate.OUT_OF_ORDER);
    assertThat(learner.observe(States.state("c", 2, 5, 10, 99, last.minusSeconds(3600))))
        .isEqualTo(ProfileUpdate.OUT_OF_ORDER);
    assertThat(learner.jobStarted("c", "never-submitted", last)).isEqualTo(ProfileUpdate.UNKNOWN_JOB);
    assertThat(learner.jobStarted("c", "j5", last)).isEqualTo(ProfileUpdate.DUPLICATE);
    assertThat(learner.recordWait("c", "j6", t0, 10)).isEqualTo(ProfileUpdate.DUPLICATE);
    assertThat(learner.jobSubmitted("c", "late", last)).isEqualTo(ProfileUpdate.ACCEPTED);
    assertThat(learner.jobStarted("c", "late", last.minusSeconds(1))).isEqualTo(ProfileUpdate.NEGATIVE_WAIT);
    assertThat(learner.recordWait("c", "x", t0, -5)).isEqualTo(ProfileUpdate.NEGATIVE_WAIT);
    assertThat(learner.recordWait("c", "y", t0, Double.NaN)).isEqualTo(ProfileUpdate.MISSING_WAIT);
    ProfileRecord after = learner.profile("c").orElseThrow();
    assertThat(after.sketch().waitDigest()).isEqualTo(before.sketch().waitDigest());
    assertThat(after.sketch()).isEqualTo(before.sketch());
    assertThat(after).isEqualTo(before);
    assertThat(learner.skips("c")).isEqualTo(Map.of(ProfileUpdate.OUT_OF_ORDER, 2L, ProfileUpdate.UNKNOWN_JOB, 1L,
        ProfileUpdate.DUPLICATE, 2L, ProfileUpdate.NEGATIVE_WAIT, 2L, ProfileUpdate.MISSING_WAIT, 1L));
    // The job whose start came before its submission can still start properly.
    assertThat(learner.jobStarted("c", "late", last.plusSeconds(60))).isEqualTo(ProfileUpdate.ACCEPTED);
  }

  @Test
  void savedAndRestoredLearningContinuesAsIfUninterrupted(@TempDir Path dir) {
    EnvironmentProfileLearner whole = new EnvironmentProfileLearner(clock);
    feed(whole, 0, 600);
    feed(learner, 0, 300);
    try (FileCalibrationStore store = new FileCalibrationStore(dir, clock)) {
      learner.save(store);
    }
    EnvironmentProfileLearner resumed = new EnvironmentProfileLearner(clock);
    try (FileCalibrationStore store = new FileCalibrationStore(dir, clock)) {
      assertThat(resumed.restore(store, "c")).isTrue();
      assertThat(resumed.restore(store, "other")).isFalse();
    }
    feed(resumed, 300, 600);
    ProfileRecord a = whole.profile("c").orElseThrow();
    ProfileRecord b = resumed.profile("c").orElseThrow();
    assertThat(b.avgQueueDepth()).isEqualTo(a.avgQueueDepth());
    assertThat(b.peakHours()).isEqualTo(a.peakHours());
    assertThat(b.waitQuantiles().count()).isEqualTo(600);
    assertThat(b.typicalWaitMinutes()).isCloseTo(a.typicalWaitMinutes(), offset(0.03 * a.typicalWaitMinutes()));
    // The restored learner still knows the last telemetry time.
    assertThat(resumed.observe(States.state("c", 2, 5, 10, 1, t0))).isEqualTo(ProfileUpdate.OUT_OF_ORDER);
  }

  @Test
  void cachedProfilesExpireByTtlAndCountStaleOnesAsUnknown() {
    AtomicInteger loads = new AtomicInteger();
    InMemoryCalibrationStore store = new InMemoryCalibrationStore(clock);
    feed(learner, 0, 50);
    learner.save(store);
    CachedProfiles cached = new CachedProfiles(id -> {
      loads.incrementAndGet();
      return store.profile(id);
    }, Duration.ofMinutes(1), Duration.ofHours(2), clock);
    assertThat(cached.profile("c")).isPresent();
    assertThat(cached.profile("c")).isPresent();
    assertThat(loads).hasValue(1);
    clock.advance(Duration.ofSeconds(61));
    assertThat(cached.profile("c")).isPresent();
    assertThat(loads).as("reloaded after the TTL").hasValue(2);
    clock.advance(Duration.ofHours(2));
    assertThat(cached.profile("c")).as("updated more than the maximum age ago").isEmpty();
    store.putProfile(new ProfileRecord("hand", 1, 0.5, java.util.List.of(), 2));
    assertThat(cached.profile("hand")).as("no update time: unknown").isEmpty();
    assertThat(cached.profile("none")).isEmpty();
  }

  @Test
  void theProfileToolServesLearnedAndStoredMetrics() {
    feed(learner, 0, 200);
    ToolRegistry tools = AgentTools.builder(Seeded.trackers())
        .learnedProfiles(CachedProfiles.ofDefaults(learner::profile, clock))
        .build();
    ToolResult u = tools.call(ToolCatalog.UPDATE_ENVIRONMENT_PROFILE,
        AgentsJson.read("{\"cluster_id\":\"c\",\"metrics\":{\"ece\":0.04}}", JsonNode.class));
    assertThat(u.success()).isTrue();
    JsonNode p = tools.call(ToolCatalog.GET_ENVIRONMENT_PROFILE,
        AgentsJson.read("{\"cluster_id\":\"c\"}", JsonNode.class)).data();
    assertThat(p.get("found").asBoolean()).isTrue();
    assertThat(p.get("metrics").get("ece").asDouble()).isEqualTo(0.04);
    JsonNode learned = p.get("learned");
    assertThat(learned.get("avg_queue_depth").asDouble()).isCloseTo(9.5, offset(1e-9));
    assertThat(learned.get("wait_quantiles_minutes").get("count").asLong()).isEqualTo(200);
    assertThat(learned.get("typical_wait_minutes").asDouble()).isPositive();
    assertThat(learned.get("telemetry_samples").asLong()).isEqualTo(200);
    JsonNode none = tools.call(ToolCatalog.GET_ENVIRONMENT_PROFILE,
        AgentsJson.read("{\"cluster_id\":\"x\"}", JsonNode.class)).data();
    assertThat(none.get("found").asBoolean()).isFalse();
    assertThat(none.get("learned").isNull()).isTrue();
  }
}
