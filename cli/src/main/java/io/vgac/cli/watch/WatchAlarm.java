package io.vgac.cli.watch;

/**
 * One alarm in the output of {@code vgac watch}.
 *
 * @param index 0-based data row of the file at which it was raised
 * @param env the environment
 * @param detector calibration-eprocess, ece-ratio, adwin or page-hinkley
 * @param direction over, under, spread or unknown
 * @param statistic the detector's statistic at the alarm
 */
public record WatchAlarm(long index, String env, String detector, String direction, double statistic) {}
