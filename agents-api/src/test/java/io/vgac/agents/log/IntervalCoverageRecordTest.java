package io.vgac.agents.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.model.AgentsJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision log's optional interval coverage: written only when known, after the contract's fields. */
class IntervalCoverageRecordTest {

  @Test
  void writtenOnlyWhenKnownAndReadBack() throws Exception {
    DecisionRecord base = Records.record("kth", 1);
    String without = DecisionRecordJson.write(base);
    assertThat(without).doesNotContain("interval_coverage");
    DecisionRecord with = new DecisionRecord(base.time(), base.env(), base.jobId(), base.action(), base.tier(),
        base.scope(), base.decision(), base.reason(), base.p(), base.ece(), base.eceCiLo(), base.eceCiHi(),
        base.sampleCount(), base.calibrationScore(), base.drift(), base.qualifiedTier(), base.gateState(), null,
        0.81, 0.78, 0.84);
    String json = DecisionRecordJson.write(with);
    JsonNode n = AgentsJson.mapper().readTree(json);
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    assertThat(names).endsWith("gate_state", "interval_coverage", "interval_coverage_ci");
    assertThat(names.subList(0, names.size() - 2)).isEqualTo(namesOf(without));
    assertThat(n.get("interval_coverage").asDouble()).isEqualTo(0.81);
    assertThat(n.get("interval_coverage_ci").get(1).asDouble()).isEqualTo(0.84);
    assertThat(DecisionRecordJson.read(json)).isEqualTo(with);
    assertThat(DecisionRecordJson.read(without).intervalCoverage()).isNaN();
  }

  private static List<String> namesOf(String json) throws Exception {
    List<String> names = new ArrayList<>();
    AgentsJson.mapper().readTree(json).fieldNames().forEachRemaining(names::add);
    return names;
  }
}
