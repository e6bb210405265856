package com.upgradecoordination.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.SupportVerdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class SupportReviewCompletedUpcasterTest {

    final Serializer serializer = Jackson3Serializer.builder().build();
    final SupportReviewCompletedUpcaster upcaster = new SupportReviewCompletedUpcaster();

    IntermediateEventRepresentation stored(String revision, String payload) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("SupportReview", "review-1", 1,
                "event-1", "2030-01-01T00:00:00Z", SupportReviewCompletedEvent.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)), serializer);
    }

    Object read(IntermediateEventRepresentation representation) {
        IntermediateEventRepresentation upcast = upcaster.upcast(Stream.of(representation)).findFirst().orElseThrow();
        return serializer.deserialize(upcast.getData());
    }

    @Test
    void revision1sReviewerLevelIsReadAsReviewerRole() {
        Object event = read(stored("1", """
                {"reviewId":"review-1","engagementId":"engagement-1","planVersion":2,"verdict":"SUPPORTABLE",
                 "recommendations":["Add a node"],"reviewer":"sam.senior","reviewerLevel":"SUPPORT_MANAGER"}"""));

        assertThat(event).isEqualTo(new SupportReviewCompletedEvent("review-1", "engagement-1", 2,
                SupportVerdict.SUPPORTABLE, List.of("Add a node"), "sam.senior", "SUPPORT_MANAGER"));
    }

    @Test
    void revision2IsLeftAsItIs() {
        IntermediateEventRepresentation revision2 = stored("2", """
                {"reviewId":"review-1","engagementId":"engagement-1","planVersion":2,"verdict":"SUPPORTABLE",
                 "recommendations":[],"reviewer":"sam.senior","reviewerRole":"SENIOR_SUPPORT_ENGINEER"}""");

        assertThat(upcaster.upcast(Stream.of(revision2)).findFirst()).containsSame(revision2);
        assertThat(read(revision2)).isEqualTo(new SupportReviewCompletedEvent("review-1", "engagement-1", 2,
                SupportVerdict.SUPPORTABLE, List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
    }
}
