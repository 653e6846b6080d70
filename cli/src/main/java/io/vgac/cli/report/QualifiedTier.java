package io.vgac.cli.report;

/**
 * The highest intervention tier a model qualifies for by its calibration error.
 *
 * @param tier 0 (none) … 4 (gate)
 * @param name {@code none|annotate|warn|suggest|gate}
 */
public record QualifiedTier(int tier, String name) {
  public QualifiedTier {
    if (tier < 0 || tier > 4) {
      throw new IllegalArgumentException("tier must be in [0, 4] but was " + tier);
    }
  }
}
