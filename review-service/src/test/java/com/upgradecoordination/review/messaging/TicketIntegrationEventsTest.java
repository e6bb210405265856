package com.upgradecoordination.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.review.TicketAssigned;
import com.upgradecoordination.events.review.TicketStatusChanged;
import com.upgradecoordination.events.review.UpgradeAssistanceRequested;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import com.upgradecoordination.review.api.HandoffSyncRecordedEvent;
import com.upgradecoordination.review.api.PlanFeedbackProvidedEvent;
import com.upgradecoordination.review.api.TicketAssignedEvent;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketIntegrationEventsTest {

    final ReviewIntegrationEvents translator = new ReviewIntegrationEvents();

    static final UpgradeRequestDetails DETAILS = new UpgradeRequestDetails("16.7.10", "16.11.10",
            List.of("16.11.10"), Map.of(), "plan", "rollback", "single node", "ops@acme.example",
            LocalDate.of(2030, 6, 10), LocalTime.of(10, 0), "Europe/Berlin", null);

    @Test
    void aLinkedTicketIsPublishedUnderItsEngagement() {
        OutboundIntegrationEvent outbound = translator.translate(new UpgradeAssistanceRequestedEvent("ticket-1",
                "engagement-1", TicketForm.STANDARD, TicketPriority.HIGH, "Acme", "engagement-1", DETAILS))
                .orElseThrow();
        assertThat(outbound.caseId()).isEqualTo("engagement-1");
        assertThat(outbound.payload()).isEqualTo(new UpgradeAssistanceRequested("ticket-1", "engagement-1",
                "STANDARD", "HIGH", "Acme", "16.7.10", "16.11.10", LocalDate.of(2030, 6, 10), LocalTime.of(10, 0),
                "Europe/Berlin", Instant.parse("2030-06-10T08:00:00Z"), "ops@acme.example"));
        assertThat(IntegrationEventCatalog.contractOf(outbound.payload().getClass()).topic()).isEqualTo(Topics.REVIEW);
    }

    @Test
    void aTicketWithoutEngagementIsItsOwnCase() {
        OutboundIntegrationEvent outbound = translator.translate(new TicketStatusChangedEvent("ticket-1", "ticket-1",
                TicketStatus.OPEN, TicketStatus.ON_HOLD)).orElseThrow();
        assertThat(outbound.caseId()).isEqualTo("ticket-1");
        assertThat(outbound.payload()).isEqualTo(new TicketStatusChanged("ticket-1", null, "OPEN", "ON_HOLD"));
        assertThat(translator.translate(new TicketAssignedEvent("ticket-1", "ticket-1", "sue")).orElseThrow()
                .payload()).isEqualTo(new TicketAssigned("ticket-1", null, "sue"));
    }

    @Test
    void supportsInternalNotesStayInside() {
        assertThat(translator.translate(new PlanFeedbackProvidedEvent("ticket-1", "ticket-1", "a", "b"))).isEmpty();
        assertThat(translator.translate(new HandoffSyncRecordedEvent("ticket-1", "ticket-1", "sam", "notes")))
                .isEmpty();
    }

    /** Fields that name a person are marked; nothing else about people leaves the service. */
    @Test
    void everyPersonInATicketContractIsMarkedAsPersonalData() {
        Set<String> personFields = Set.of("assignee", "csm", "fromEngineer", "toEngineer", "contactEmail");
        for (Class<? extends Record> contract : IntegrationEventCatalog.CONTRACTS) {
            if (!contract.getPackageName().endsWith(".review")) {
                continue;
            }
            for (RecordComponent component : contract.getRecordComponents()) {
                if (personFields.contains(component.getName())) {
                    assertThat(component.isAnnotationPresent(PersonalData.class))
                            .as("%s.%s is @PersonalData", contract.getSimpleName(), component.getName()).isTrue();
                }
            }
        }
    }
}
