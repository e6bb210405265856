package com.upgradecoordination.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

class ForwardHandledEventsTest {

    record Opened(String id) {
    }

    record Noted(String text) {
    }

    interface Remark {
    }

    record Praised(String text) implements Remark {
    }

    static class Notes {
        final List<Object> seen = new ArrayList<>();

        @EventSourcingHandler
        void on(Noted event) {
            seen.add(event);
        }

        @EventSourcingHandler
        void on(Remark event) {
            seen.add(event);
        }
    }

    static class Case {
        @AggregateIdentifier
        String id;
        final List<Object> seen = new ArrayList<>();
        @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
        final Notes notes = new Notes();

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
            seen.add(event);
        }

        @EventSourcingHandler
        void on(Noted event) {
            seen.add(event);
        }
    }

    @Test
    void aMemberGetsTheEventsItHandlesByTheirTypeOrASupertypeAndTheRootStillGetsAll() {
        AggregateModel<Case> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Case.class);
        Case aggregate = new Case();
        Opened opened = new Opened("case-1");
        Noted noted = new Noted("first");
        Praised praised = new Praised("well done");
        for (Object event : List.of(opened, noted, praised)) {
            model.publish(new GenericDomainEventMessage<>("Case", "case-1", 0, event), aggregate);
        }

        assertThat(aggregate.seen).containsExactly(opened, noted);
        assertThat(aggregate.notes.seen).containsExactly(noted, praised);
    }

    static class Nested {
        @AggregateMember
        final Notes notes = new Notes();
    }

    static class CaseWithNestedMembers {
        @AggregateIdentifier
        String id;
        @AggregateMember(eventForwardingMode = ForwardHandledEvents.class)
        final Nested nested = new Nested();
    }

    @Test
    void aMemberWithMembersOfItsOwnIsRefusedForItWouldNotSeeWhatTheyHandle() {
        assertThatThrownBy(() -> AnnotatedAggregateMetaModelFactory.inspectAggregate(CaseWithNestedMembers.class))
                .isInstanceOf(AxonConfigurationException.class)
                .hasMessageContaining("has members of its own (notes)");
    }
}
