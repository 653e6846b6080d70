/** Contract tests for every SPI of agents-api: an implementation's test class extends the matching contract. */
@NullMarked
package io.vgac.testkit;

import org.jspecify.annotations.NullMarked;
