package io.vgac.agents.intervals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.model.WaitInterval;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class IntervalControllerProperties {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  /**
   * Any mix of issues and outcomes — duplicates, unknown jobs, bad waits, clocks going backwards — scores each issued
   * job at most once, only after it was issued, and the coverage counts exactly the COVERED/MISSED answers.
   */
  @Property(tries = 300)
  void coverageNeverCountsAJobTwiceNorBeforeItWasIssued(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    IntervalController c = new IntervalController(IntervalControllerConfig.builder().maxPending(1000).build(),
        new double[] {-1, 1});
    Set<String> issued = new HashSet<>();
    Set<String> scored = new HashSet<>();
    Map<IntervalOutcome, Long> skips = new HashMap<>();
    long covered = 0;
    long counted = 0;
    long time = 0;
    for (int step = 0; step < 400; step++) {
      String job = "j" + r.nextInt(60);
      time += r.nextInt(10) - (r.nextInt(20) == 0 ? 50 : 0); // now and then the clock goes backwards
      Instant at = T0.plusSeconds(time);
      if (r.nextBoolean()) {
        double point = r.nextInt(30) == 0 ? -1 : r.nextDouble() * 1000;
        IntervalOutcome o = c.issue("env", job, point, at).outcome();
        if (o == IntervalOutcome.ISSUED) {
          assertThat(issued.add(job)).isTrue();
        } else {
          assertThat(o.skipped()).isTrue();
          skips.merge(o, 1L, Long::sum);
        }
      } else {
        double wait = r.nextInt(20) == 0 ? Double.NaN : r.nextInt(20) == 0 ? -5 : r.nextDouble() * 2000;
        boolean wasPending = issued.contains(job) && !scored.contains(job);
        IntervalOutcome o = c.outcome("env", job, wait, at);
        if (o.scored()) {
          assertThat(wasPending).as("scored only a pending job").isTrue();
          assertThat(scored.add(job)).as("scored once").isTrue();
          if (o != IntervalOutcome.UNBOUNDED) {
            counted++;
            covered += o == IntervalOutcome.COVERED ? 1 : 0;
          }
        } else {
          assertThat(o.skipped()).isTrue();
          skips.merge(o, 1L, Long::sum);
        }
      }
    }
    IntervalCoverage cov = c.coverage("env");
    assertThat(cov.scored()).isEqualTo(counted);
    if (counted > 0) {
      assertThat(cov.coverage()).isEqualTo((double) covered / counted);
    } else {
      assertThat(cov.coverage()).isNaN();
    }
    assertThat(cov.pending()).isEqualTo(issued.size() - scored.size());
    assertThat(cov.skips()).isEqualTo(skips);
  }

  @Test
  void badInputIsACountedSkipThatChangesNothing() {
    IntervalController c = new IntervalController(IntervalControllerConfig.ofDefaults(), new double[] {-1, 1});
    assertThat(c.issue("e", "1", 100, T0.plusSeconds(10)).outcome()).isEqualTo(IntervalOutcome.ISSUED);
    IntervalCoverage before = c.coverage("e");
    assertThat(c.outcome("e", "1", -3, T0.plusSeconds(20))).isEqualTo(IntervalOutcome.BAD_WAIT);
    assertThat(c.outcome("e", "1", Double.NaN, T0.plusSeconds(20))).isEqualTo(IntervalOutcome.BAD_WAIT);
    assertThat(c.outcome("e", "1", 5, T0.plusSeconds(5))).isEqualTo(IntervalOutcome.CLOCK_BACKWARDS);
    assertThat(c.outcome("e", "nope", 5, T0.plusSeconds(20))).isEqualTo(IntervalOutcome.UNKNOWN_JOB);
    assertThat(c.issue("e", "1", 100, T0.plusSeconds(11)).outcome()).isEqualTo(IntervalOutcome.DUPLICATE);
    assertThat(c.issue("e", "2", Double.POSITIVE_INFINITY, T0.plusSeconds(11)).outcome())
        .isEqualTo(IntervalOutcome.BAD_POINT);
    IntervalCoverage mid = c.coverage("e");
    assertThat(mid.scored()).isEqualTo(before.scored()).isZero();
    assertThat(mid.upperOffset()).isEqualTo(before.upperOffset());
    assertThat(mid.pending()).isEqualTo(1);
    // the job stays pending through the bad outcomes and is scored once by a valid one
    assertThat(c.outcome("e", "1", 120, T0.plusSeconds(130))).isEqualTo(IntervalOutcome.COVERED);
    assertThat(c.outcome("e", "1", 120, T0.plusSeconds(131))).isEqualTo(IntervalOutcome.DUPLICATE);
    IntervalCoverage after = c.coverage("e");
    assertThat(after.scored()).isEqualTo(1);
    assertThat(after.coverage()).isEqualTo(1.0);
    assertThat(after.coverageInterval().lo()).isBetween(0.0, 1.0);
    assertThat(after.skips()).containsEntry(IntervalOutcome.BAD_WAIT, 2L)
        .containsEntry(IntervalOutcome.CLOCK_BACKWARDS, 1L).containsEntry(IntervalOutcome.UNKNOWN_JOB, 1L)
        .containsEntry(IntervalOutcome.DUPLICATE, 2L).containsEntry(IntervalOutcome.BAD_POINT, 1L);
  }

  @Test
  void seededEnvironmentStartsFromTheStaticIntervalAndUnseededOneIsUnboundedFirst() {
    IntervalController seeded = new IntervalController(IntervalControllerConfig.ofDefaults(),
        new double[] {-Math.log(2), Math.log(2)});
    WaitInterval i = seeded.issue("e", "1", 99, T0).interval().orElseThrow();
    assertThat(i.lo()).isCloseTo(49, org.assertj.core.api.Assertions.offset(1e-9));
    assertThat(i.hi()).isCloseTo(199, org.assertj.core.api.Assertions.offset(1e-9));
    assertThat(i.coverage()).isEqualTo(0.8);
    assertThat(seeded.pendingInterval("e", "1")).contains(i);

    IntervalController fresh = IntervalController.ofDefaults();
    assertThat(fresh.issue("e", "1", 99, T0).interval()).isEmpty();
    assertThat(fresh.outcome("e", "1", 50, T0.plusSeconds(50))).isEqualTo(IntervalOutcome.UNBOUNDED);
    assertThat(fresh.coverage("e").scored()).isZero();
    assertThat(fresh.issue("e", "2", 99, T0.plusSeconds(60)).interval()).isPresent();
  }
}
