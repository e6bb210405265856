package com.upgradecoordination.review.store;

import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads stored revision 1 of {@link SupportReviewCompletedEvent} as revision 2: the reviewer's role
 * was {@code reviewerLevel}, it is {@code reviewerRole}. The stored rows stay as they are (the
 * hash chain covers them); every read through the event store (aggregates, processors, history,
 * state as of) sees revision 2. Axon's Spring configuration puts every upcaster bean in the chain.
 */
@Component
public class SupportReviewCompletedUpcaster extends SingleEventUpcaster {

    static final SerializedType REVISION_1 =
            new SimpleSerializedType(SupportReviewCompletedEvent.class.getName(), "1");
    static final SerializedType REVISION_2 =
            new SimpleSerializedType(SupportReviewCompletedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, payload -> {
            payload.set("reviewerRole", payload.remove("reviewerLevel"));
            return payload;
        });
    }
}
