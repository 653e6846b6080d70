@NullMarked
package io.vgac.calibration.metrics;

import org.jspecify.annotations.NullMarked;
