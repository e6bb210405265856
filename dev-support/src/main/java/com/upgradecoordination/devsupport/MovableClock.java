package com.upgradecoordination.devsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test sets: aggregates read "now" through the injected {@link Clock}, so a fixture
 * test moves time for the domain the way Axon's fixture moves it for deadlines.
 */
public final class MovableClock extends Clock {

    private Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MovableClock is always UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
