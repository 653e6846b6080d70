@NullMarked
package io.vgac.calibration.uncertainty;

import org.jspecify.annotations.NullMarked;
