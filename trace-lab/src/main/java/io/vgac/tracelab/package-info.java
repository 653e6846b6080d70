/**
 * trace-lab: real scheduler traces turned into the evidence the project's claims rest on — readers
 * ({@link io.vgac.tracelab.read}), queue-state features at submit time without look-ahead
 * ({@link io.vgac.tracelab.features}), the built-in wait-risk model ({@link io.vgac.tracelab.model}) and
 * cross-cluster evaluation with SVG reliability diagrams ({@link io.vgac.tracelab.eval}).
 */
@NullMarked
package io.vgac.tracelab;

import org.jspecify.annotations.NullMarked;
