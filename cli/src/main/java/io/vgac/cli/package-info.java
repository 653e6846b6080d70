/** The <code>vgac</code> command line: argument parsing, dispatch to one class per subcommand, exit codes. */
@NullMarked
package io.vgac.cli;

import org.jspecify.annotations.NullMarked;
