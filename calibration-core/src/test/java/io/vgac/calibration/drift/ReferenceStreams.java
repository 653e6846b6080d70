package io.vgac.calibration.drift;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** The streams of the drift-detector vectors in reference/README.md, and a runner collecting alarm indices. */
final class ReferenceStreams {
  private ReferenceStreams() {}

  /** One {@code java.util.Random(seed)}: 1,000 Bernoulli(0.2) items then 1,000 Bernoulli(0.8). */
  static double[] bernoulliShift(long seed) {
    Random random = new Random(seed);
    double[] x = new double[2000];
    for (int i = 0; i < x.length; i++) {
      double p = i < 1000 ? 0.2 : 0.8;
      x[i] = random.nextDouble() < p ? 1 : 0;
    }
    return x;
  }

  /** {@code reference/drift/<name>}: one value per line. */
  static double[] resource(String name) {
    String path = "/reference/drift/" + name;
    try (InputStream in = ReferenceStreams.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.isBlank()).mapToDouble(l -> Double.parseDouble(l.trim())).toArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Integer> alarms(Supplier<? extends ChangeDetector> factory, double[] stream) {
    ChangeDetector detector = factory.get();
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < stream.length; i++) {
      if (detector.update(stream[i])) {
        out.add(i);
      }
    }
    return out;
  }
}
