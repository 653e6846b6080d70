/** The embedded CalibrationStore defaults run against the contract, plus the file store's crash and corruption tests. */
@NullMarked
package io.vgac.testkit.store;

import org.jspecify.annotations.NullMarked;
