package com.upgradecoordination.platform.axon;

import com.upgradecoordination.events.Actor;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.messaging.MetaData;

/**
 * The audit facts every command carries and every event it causes inherits (SPEC A1).
 *
 * @param actor         who asked for it
 * @param correlationId shared by everything one original request caused, across services
 * @param causationId   the request id or the integration event id that directly caused it
 * @param origin        where the cause came from, e.g. {@code HTTP POST /engagements} or
 *                      {@code kafka upgrade.review.events-0@17}
 */
public record AuditMetadata(Actor actor, String correlationId, String causationId, String origin) {

    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String ORIGIN = "origin";

    /** The keys Axon copies from a command to the events its handler applies. */
    public static final String[] KEYS = {ACTOR, ACTOR_ROLE, CORRELATION_ID, CAUSATION_ID, ORIGIN};

    public AuditMetadata {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(origin, "origin");
    }

    public MetaData toMetaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(ACTOR, actor.principal());
        values.put(ACTOR_ROLE, actor.role());
        values.put(CORRELATION_ID, correlationId);
        values.put(CAUSATION_ID, causationId);
        values.put(ORIGIN, origin);
        return MetaData.from(values);
    }

    /** Reads the audit facts back from a stored message; absent values read as "unknown". */
    public static AuditMetadata from(MetaData metaData) {
        return new AuditMetadata(
                new Actor(text(metaData, ACTOR), text(metaData, ACTOR_ROLE)),
                text(metaData, CORRELATION_ID),
                text(metaData, CAUSATION_ID),
                text(metaData, ORIGIN));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? "unknown" : value.toString();
    }
}
