/**
 * Streaming readers for Standard Workload Format logs ({@code .swf}, {@code .swf.gz}), the Alibaba GPU pod CSV and
 * the original authors' sample CSVs. A malformed line is reported with its line number and field
 * ({@link io.vgac.tracelab.read.MalformedTraceException}) or skipped and counted, by
 * {@link io.vgac.tracelab.read.MalformedLinePolicy}.
 */
@NullMarked
package io.vgac.tracelab.read;

import org.jspecify.annotations.NullMarked;
