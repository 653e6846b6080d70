/** Fast, validating readers of prediction files (CSV, optionally gzip-compressed). */
@NullMarked
package io.vgac.cli.csv;

import org.jspecify.annotations.NullMarked;
