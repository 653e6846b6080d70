package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PopulationStabilityIndexProperties {
  private final PopulationStabilityIndex psi = PopulationStabilityIndex.ofDefaults();

  @Property
  void isNonNegative(@ForAll("scores") List<Double> reference, @ForAll("scores") List<Double> current) {
    assertThat(psi.compute(array(reference), array(current)).value()).isGreaterThanOrEqualTo(0);
  }

  @Property
  void isZeroAgainstItself(@ForAll("scores") List<Double> sample) {
    assertThat(psi.compute(array(sample), array(sample)).value()).isZero();
  }

  @Property
  void doesNotDependOnOrder(@ForAll("scores") List<Double> reference, @ForAll("scores") List<Double> current) {
    double value = psi.compute(array(reference), array(current)).value();
    Collections.reverse(reference);
    Collections.shuffle(current, new java.util.Random(current.size()));
    assertThat(psi.compute(array(reference), array(current)).value()).isCloseTo(value, within(1e-12));
  }

  @Provide
  Arbitrary<List<Double>> scores() {
    // Few distinct values on purpose: ties and repeated quantile edges are the hard case.
    return Arbitraries.integers().between(0, 20).map(i -> i / 20.0).list().ofMinSize(1).ofMaxSize(200);
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
