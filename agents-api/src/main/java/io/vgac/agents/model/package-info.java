/**
 * The unified telemetry model shared by Kubernetes, Slurm and AWS Batch: cluster state, job, wait prediction and
 * outcome. Immutable records validated on construction; JSON (snake_case) through {@link io.vgac.agents.model.AgentsJson}.
 */
@NullMarked
package io.vgac.agents.model;

import org.jspecify.annotations.NullMarked;
