package io.vgac.agents.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.spi.PlannedAction;
import io.vgac.agents.spi.TestEvidence;
import io.vgac.agents.tools.ToolRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A planner built from the agents' own tools (an LLM's tool loop) is wired by the builder, not by the caller. */
class PlannerUsingToolsTest {
  final Fixture f = new Fixture();

  @Test
  void theFactoryGetsTheAgentsRegistryAndItsPlannerPlans() {
    AtomicReference<ToolRegistry> seen = new AtomicReference<>();
    Agents a = f.builder().evidence(f.given::get).plannerUsingTools(tools -> {
      seen.set(tools);
      return context -> {
        // the planner may call tools while planning: the registry is live
        assertThat(tools.call("tool_get_all_calibrations", null).success()).isTrue();
        return Fixture.ANNOTATE_ALWAYS.propose(context);
      };
    }).build();
    assertThat(seen.get()).isSameAs(a.tools());
    f.given.put("c", TestEvidence.ofEce("c", 0.01, 1000, Fixture.T0));
    Fixture.observe(a, "c", Fixture.T0);
    SubmissionResult r = a.submit(f.job("c"));
    assertThat(r.actions()).singleElement().satisfies(x -> {
      assertThat(x.planned().rationale()).isEqualTo("test");
      assertThat(x.decision()).isEqualTo(Decision.EXECUTE);
    });
  }

  @Test
  void aPlainPlannerSetLaterReplacesTheFactory() {
    Agents a = f.builder().evidence(f.given::get)
        .plannerUsingTools(tools -> context -> List.<PlannedAction>of())
        .planner(Fixture.ANNOTATE_ALWAYS).build();
    f.given.put("c", TestEvidence.ofEce("c", 0.01, 1000, Fixture.T0));
    Fixture.observe(a, "c", Fixture.T0);
    assertThat(a.submit(f.job("c")).actions()).hasSize(1);
  }

  @Test
  void aFactoryThatReturnsNullFailsTheBuild() {
    assertThatThrownBy(() -> f.builder().plannerUsingTools(tools -> null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("the planner factory returned null");
  }
}
