package io.vgac.calibration;

import net.jqwik.api.*;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
  @Test void junit() { assertThat(1).isEqualTo(1); }
  @Property(tries = 10) void jqwik(@ForAll int x) { assertThat(x).isEqualTo(x); }
}
