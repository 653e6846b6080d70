package io.vgac.calibration.metrics;

import io.vgac.calibration.Predictions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the reference datasets copied from shared/reference into test resources. */
final class ReferenceData {
  static final List<String> DATASETS =
      List.of(
          "calibrated_beta14_n20000",
          "overconfident_t07_n20000",
          "rare_events_n50000",
          "ties_12_levels_n5000",
          "uniform_shifted_n1000");

  private ReferenceData() {}

  static Predictions load(String name) {
    String path = "/reference/datasets/" + name + ".csv";
    try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      List<double[]> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",");
        rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
      }
      double[] p = new double[rows.size()];
      int[] y = new int[rows.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = rows.get(i)[0];
        y[i] = (int) rows.get(i)[1];
      }
      return Predictions.of(p, y);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
