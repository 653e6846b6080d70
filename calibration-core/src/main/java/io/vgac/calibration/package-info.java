@NullMarked
package io.vgac.calibration;

import org.jspecify.annotations.NullMarked;
