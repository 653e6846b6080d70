/**
 * What was knowable at each job's submit time: an O(n log n) event sweep ({@link io.vgac.tracelab.features.FeatureSweep})
 * turns a trace into one {@link io.vgac.tracelab.features.JobSnapshot} per job — the agents' own {@code Job} and
 * {@code ClusterState} plus per-user and queued-work extras — from which a
 * {@link io.vgac.tracelab.features.FeatureSet} builds a {@link io.vgac.tracelab.features.Dataset} with long-wait
 * labels ({@link io.vgac.tracelab.features.LabelRule}) and a time-ordered split
 * ({@link io.vgac.tracelab.features.TimeSplit}).
 */
@NullMarked
package io.vgac.tracelab.features;

import org.jspecify.annotations.NullMarked;
