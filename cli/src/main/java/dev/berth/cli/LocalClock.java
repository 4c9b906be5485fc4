package dev.berth.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the local time zone, which it looks up only when a command first asks for the zone.
 * {@link Clock#systemDefaultZone()} reads the time-zone database at once (some 25 ms of a cold start, measured in
 * the test host), and only log timestamps need it: {@code berth start} of a healthy unit never does.
 */
final class LocalClock extends Clock {

    private ZoneId zone;

    @Override
    public synchronized ZoneId getZone() {
        if (zone == null) {
            zone = ZoneId.systemDefault();
        }
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.system(other);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
