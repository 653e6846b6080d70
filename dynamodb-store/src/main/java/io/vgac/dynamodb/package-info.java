/**
 * The DynamoDB adapter: {@link io.vgac.dynamodb.DynamoDbCalibrationStore} and
 * {@link io.vgac.dynamodb.DynamoDbApprovalQueue} on the design's single table, for several scheduler replicas that
 * share calibration state, and {@link io.vgac.dynamodb.DynamoDbTables} to create that table.
 */
@NullMarked
package io.vgac.dynamodb;

import org.jspecify.annotations.NullMarked;
