package io.vgac.tracelab.replay;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** An event-time clock: the replay sets it to each event's time before handing the event to the agents. */
public final class ReplayClock extends Clock {
  private volatile Instant now;

  public ReplayClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock to {@code t}. */
  public void set(Instant t) {
    now = t;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public long millis() {
    return now.toEpochMilli();
  }
}
