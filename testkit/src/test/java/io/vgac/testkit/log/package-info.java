/** The embedded DecisionLog defaults (in memory and JSON-lines file) run against the contract. */
@NullMarked
package io.vgac.testkit.log;

import org.jspecify.annotations.NullMarked;
