/**
 * The VGAC platform REST client: {@link io.vgac.client.VgacClient} and its adapters to the agents' SPIs
 * ({@link io.vgac.client.VgacClusterTelemetry}, {@link io.vgac.client.VgacWaitTimePredictor},
 * {@link io.vgac.client.PlatformCalibrationEvidence}), configured by {@link io.vgac.client.VgacClientConfig}. Every
 * failure is a {@link io.vgac.client.VgacClientException}.
 */
@NullMarked
package io.vgac.client;

import org.jspecify.annotations.NullMarked;
