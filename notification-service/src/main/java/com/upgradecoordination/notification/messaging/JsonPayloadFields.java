package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.notification.domain.PayloadFields;
import tools.jackson.databind.JsonNode;

/** An integration event's JSON payload as the notification rules read it. */
public final class JsonPayloadFields {

    private JsonPayloadFields() {
    }

    /** The payload's scalar fields; a null payload has none. */
    public static PayloadFields of(JsonNode payload) {
        return field -> {
            JsonNode value = payload == null ? null : payload.get(field);
            if (value == null || !value.isValueNode() || value.isNull()) {
                return null;
            }
            String text = value.asString();
            return text == null || text.isBlank() ? null : text;
        };
    }
}
