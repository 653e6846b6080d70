/**
 * Where calibration state lives between runs: the {@link io.vgac.agents.store.CalibrationStore} SPI, its records
 * (one per item of the DynamoDB layout of the design) and two embedded defaults — in memory, and a durable,
 * crash-safe local file store.
 */
@NullMarked
package io.vgac.agents.store;

import org.jspecify.annotations.NullMarked;
