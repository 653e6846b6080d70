@NullMarked
package io.vgac.calibration.policy;

import org.jspecify.annotations.NullMarked;
