@NullMarked
package io.vgac.calibration.stream;

import org.jspecify.annotations.NullMarked;
