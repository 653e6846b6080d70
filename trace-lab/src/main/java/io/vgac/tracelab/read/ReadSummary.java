package io.vgac.tracelab.read;

import org.jspecify.annotations.Nullable;

/**
 * What a reader saw.
 *
 * @param lines lines read, header and comments included
 * @param jobs jobs delivered
 * @param skipped malformed lines skipped under {@link MalformedLinePolicy#SKIP} (0 under FAIL)
 * @param censored jobs delivered as {@link WaitStatus#CENSORED}
 * @param unknownWait jobs delivered as {@link WaitStatus#UNKNOWN}
 * @param firstProblem the first skipped line's problem, or null when none was skipped
 */
public record ReadSummary(
    long lines, long jobs, long skipped, long censored, long unknownWait, @Nullable MalformedTraceException firstProblem) {}
