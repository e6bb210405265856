package com.upgradecoordination.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault injection for the crash tests of Idempotency-Key handling: halts the JVM at a named point
 * of a command's path, exactly as a SIGKILL would (no shutdown hooks, nothing flushed). Off unless
 * {@code platform.fault-injection.halt-at} names a point; never set it in production.
 */
public class CrashPoints {

    /** The points between the steps of a command sent with an Idempotency-Key. */
    public enum Point {
        /** The key is claimed; the command has not run. */
        AFTER_CLAIM,
        /** The command and its outcome on the key committed; the response is not stored. */
        AFTER_COMMAND_COMMIT
    }

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

    private final Point haltAt;

    /** @param haltAt the point to halt at; null for none */
    public CrashPoints(Point haltAt) {
        this.haltAt = haltAt;
        if (haltAt != null) {
            log.warn("Fault injection: this process halts when a request reaches {}", haltAt);
        }
    }

    public static CrashPoints none() {
        return new CrashPoints(null);
    }

    void reached(Point point) {
        if (point == haltAt) {
            Runtime.getRuntime().halt(137);
        }
    }
}
