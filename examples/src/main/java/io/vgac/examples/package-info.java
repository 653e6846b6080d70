/**
 * Small programs a scheduler-plugin author copies from: each has a {@code main} and is run as a test. Start with
 * {@link io.vgac.examples.AdmissionHookExample} (the agents behind an admission hook) and
 * {@link io.vgac.examples.CustomSchedulerActionsExample} (your own scheduler behind the gate).
 */
@NullMarked
package io.vgac.examples;

import org.jspecify.annotations.NullMarked;
