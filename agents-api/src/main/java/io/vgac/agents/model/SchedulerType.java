package io.vgac.agents.model;

/** The scheduler family a cluster runs; the model's fields mean the same thing on each. */
public enum SchedulerType {
  KUBERNETES,
  SLURM,
  AWS_BATCH
}
