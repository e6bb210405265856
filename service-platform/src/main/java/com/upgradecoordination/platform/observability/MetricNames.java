package com.upgradecoordination.platform.observability;

/**
 * The names of the figures operators watch, one scheme: {@code platform.<area>.<measure>} for what
 * every service has, {@code <service area>.<measure>} for what one service adds. Prometheus shows
 * the dots as underscores and adds the unit ({@code _seconds}, {@code _total}). Tags are few and
 * bounded (command type, processor, consumer, outcome, channel), never an id.
 * docs/operations.md ("What to watch") lists them with the alerts on them.
 */
public final class MetricNames {

    /** Timer, tags {@code command} (the command's class name) and {@code outcome} ({@link CommandOutcome}). */
    public static final String COMMANDS = "platform.commands";
    /** Gauge: the global index of the newest stored event. */
    public static final String EVENT_STORE_HEAD = "platform.event.store.head";
    /** Gauge, tag {@code processor}: the lowest position this instance's segments of the processor reached. */
    public static final String PROCESSOR_POSITION = "platform.processor.position";
    /** Gauge, tag {@code processor}: stored events the processor has not handled yet. */
    public static final String PROCESSOR_LAG_EVENTS = "platform.processor.lag.events";
    /** Gauge, tag {@code processor}: how long the oldest event the processor has not handled has been stored. */
    public static final String PROCESSOR_LAG_AGE = "platform.processor.lag.age";
    /** Counter: relay sends the broker did not acknowledge in time (each batch is retried). */
    public static final String RELAY_FAILURES = "platform.relay.failures";
    /** Counter: records the broker acknowledged. */
    public static final String RELAY_PUBLISHED = "platform.relay.published";
    /** Timer: a relayed record from its send to the broker's acknowledgement. */
    public static final String RELAY_SEND = "platform.relay.send";
    /** Counter, tags {@code consumer} and {@code outcome} (APPLIED, DUPLICATE, REJECTED). */
    public static final String INBOX_EVENTS = "platform.inbox.events";
    /** Gauge: deadlines whose time has come and that no instance has picked up yet. */
    public static final String DEADLINES_OVERDUE = "platform.deadlines.overdue";
    /** Gauge: deadlines stored, due or not. */
    public static final String DEADLINES_SCHEDULED = "platform.deadlines.scheduled";
    /** Counter, tag {@code outcome} (INTACT, BROKEN): hash-chain verifications of a stream. */
    public static final String CHAIN_VERIFICATIONS = "platform.audit.chain.verifications";

    private MetricNames() {
    }
}
