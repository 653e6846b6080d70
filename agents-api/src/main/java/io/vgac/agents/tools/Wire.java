package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.calibration.Interval;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Small helpers for tool data: NaN and absent values are written as JSON null, never as "NaN". */
final class Wire {
  private Wire() {}

  static ObjectNode object() {
    return AgentsJson.mapper().createObjectNode();
  }

  static void number(ObjectNode o, String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(field);
    } else {
      o.put(field, v);
    }
  }

  /** {@code [lo, hi]} (ends null when undefined), as the decision log writes {@code ece_ci}. */
  static void interval(ObjectNode o, String field, Interval i) {
    var a = o.putArray(field);
    if (Double.isNaN(i.lo())) {
      a.addNull();
    } else {
      a.add(i.lo());
    }
    if (Double.isNaN(i.hi())) {
      a.addNull();
    } else {
      a.add(i.hi());
    }
  }

  static void time(ObjectNode o, String field, @Nullable Instant t) {
    if (t == null) {
      o.putNull(field);
    } else {
      o.put(field, t.toString());
    }
  }
}
