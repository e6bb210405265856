package com.upgradecoordination.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractTranslationsTest {

    interface CaseEvent {
        String caseId();
    }

    record Opened(String caseId, String name) implements CaseEvent {
    }

    record Refused(String caseId) implements CaseEvent {
    }

    record Forgotten(String caseId) implements CaseEvent {
    }

    record OpenedContract(String caseId, String name) {
    }

    record Assigned(String ticketId, String engagementId) implements CaseEvent {
        @Override
        public String caseId() {
            return ticketId;
        }
    }

    final ContractTranslations table = ContractTranslations.of(CaseEvent.class, CaseEvent::caseId)
            .publish(Opened.class, e -> new OpenedContract(e.caseId(), e.name()))
            .keepInternal(Refused.class)
            .build();

    @Test
    void aPublishedEventBecomesItsContractOnItsCase() {
        assertThat(table.translate(new Opened("case-1", "Acme")))
                .contains(new OutboundIntegrationEvent("case-1", new OpenedContract("case-1", "Acme")));
    }

    @Test
    void eventsKeptInsideOrForgottenAreNotPublishedAndOnlyTheForgottenAreUndecided() {
        assertThat(table.translate(new Refused("case-1"))).isEmpty();
        assertThat(table.translate(new Forgotten("case-1"))).isEmpty();
        assertThat(table.decidedFor(Opened.class)).isTrue();
        assertThat(table.decidedFor(Refused.class)).isTrue();
        assertThat(table.decidedFor(Forgotten.class)).isFalse();
        assertThat(table.published()).containsExactly(Opened.class);
    }

    @Test
    void aClassIsDecidedOnceAndOnlyAnEventOfTheService() {
        assertThatThrownBy(() -> ContractTranslations.of(CaseEvent.class, CaseEvent::caseId)
                .publish(Opened.class, e -> new OpenedContract(e.caseId(), e.name()))
                .keepInternal(Opened.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<CaseEvent> notAnEvent = (Class) String.class;
        assertThatThrownBy(() -> ContractTranslations.of(CaseEvent.class, CaseEvent::caseId).keepInternal(notAnEvent))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a CaseEvent");
    }

    @Test
    void aLineMayNameItsOwnCase() {
        ContractTranslations ownCases = ContractTranslations.of(CaseEvent.class, CaseEvent::caseId)
                .publish(Assigned.class, Assigned::engagementId, e -> new OpenedContract(e.engagementId(), e.ticketId()))
                .build();
        assertThat(ownCases.translate(new Assigned("ticket-1", "engagement-1")))
                .contains(new OutboundIntegrationEvent("engagement-1", new OpenedContract("engagement-1", "ticket-1")));
    }

    @Test
    void aTableWithoutACommonCaseNeedsEachPublishedLineToNameOne() {
        ContractTranslations.Builder<CaseEvent> noCommonCase = ContractTranslations.of(CaseEvent.class);
        assertThatThrownBy(() -> noCommonCase.publish(Opened.class, e -> new OpenedContract(e.caseId(), e.name())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name their case");
        assertThat(noCommonCase.publish(Opened.class, Opened::name, e -> new OpenedContract(e.caseId(), e.name()))
                .keepInternal(Refused.class).build().translate(new Opened("case-1", "Acme")))
                .contains(new OutboundIntegrationEvent("Acme", new OpenedContract("case-1", "Acme")));
    }
}
