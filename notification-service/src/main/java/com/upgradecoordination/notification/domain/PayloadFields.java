package com.upgradecoordination.notification.domain;

/**
 * What the rules read of an event's payload: its scalar fields as text. The edge that received the
 * event decides how its payload is read (JSON from Kafka: {@code messaging.JsonPayloadFields}).
 */
@FunctionalInterface
public interface PayloadFields {

    /** The field's value as text; null when the field is absent, null, blank or not a scalar. */
    String text(String field);
}
