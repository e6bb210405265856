package com.upgradecoordination.notification.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.devsupport.EventStoreTampering;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.events.Actor;
import com.upgradecoordination.notification.api.SendNotificationCommand;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The platform's audit endpoints over notifications: as-of, and tamper evidence in PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
class NotificationAuditIT extends ServiceHttpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "notification-service");
    }

    @Autowired
    CommandGateway commands;

    /** A notification sent as the service sends one for an integration event of the case. */
    String send(String caseId) {
        SendNotificationCommand command = SendNotificationCommand.toInbox(caseId, UUID.randomUUID().toString(),
                "EngagementOpened", "casey.csm", "Engagement opened for Acme Corp");
        AuditMetadata audit = new AuditMetadata(Actor.serviceAccount("notification-service"), "corr-1",
                "event-1", "kafka upgrade.coordination.events-0@1");
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
        return command.notificationId();
    }

    @Test
    void aNotificationsStateIsReplayedThroughItsOwnHandlers() {
        String notificationId = send("case-" + UUID.randomUUID());

        JsonNode state = get("/audit/aggregates/{id}/state?asOfSequence=0", notificationId);

        assertThat(state.get("aggregateType").asString()).isEqualTo("Notification");
        assertThat(state.get("state").get("status").asString()).isEqualTo("SENT");
        http.get().uri("/audit/aggregates/{id}/state", "no-such-notification").exchange().expectStatus().isNotFound();
    }

    @Test
    void aPayloadAlteredInPostgresqlIsNamedByTheVerificationOfTheStreamAndOfItsCase() {
        String caseId = "case-" + UUID.randomUUID();
        String first = send(caseId);
        send(caseId);
        JsonNode intact = get("/audit/cases/{id}/verify", caseId);
        assertThat(intact.get("status").asString()).isEqualTo("INTACT");
        assertThat(intact.get("streams")).hasSize(2);

        // the message, stored in clear (the recipient is stored encrypted, docs/personal-data.md)
        EventStoreTampering.Alteration altered = EventStoreTampering.alterPayload(jdbc, first, 0,
                payload -> payload.replace("Acme Corp", "Mallory Inc"));

        JsonNode broken = get("/audit/aggregates/{id}/verify", first);
        assertThat(broken.get("status").asString()).isEqualTo("BROKEN");
        assertThat(broken.get("firstBrokenLink").get("sequence").asLong()).isZero();
        assertThat(broken.get("firstBrokenLink").get("eventId").asString()).isEqualTo(altered.eventId());
        assertThat(broken.get("firstBrokenLink").get("problem").asString()).isEqualTo("CONTENT_ALTERED");
        assertThat(get("/audit/cases/{id}/verify", caseId).get("status").asString()).isEqualTo("BROKEN");

        altered.undo();
        assertThat(get("/audit/cases/{id}/verify", caseId).get("status").asString()).isEqualTo("INTACT");
    }
}
