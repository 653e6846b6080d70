/** {@code vgac transfer} and {@code vgac demo}: trace-lab on the command line. */
@NullMarked
package io.vgac.cli.lab;

import org.jspecify.annotations.NullMarked;
