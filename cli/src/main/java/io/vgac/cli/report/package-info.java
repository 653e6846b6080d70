/** The <code>vgac report</code> subcommand: calibration and discrimination report as JSON, text, Markdown and SVG. */
@NullMarked
package io.vgac.cli.report;

import org.jspecify.annotations.NullMarked;
