@NullMarked
package io.vgac.calibration.binning;

import org.jspecify.annotations.NullMarked;
