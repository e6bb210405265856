package com.upgradecoordination.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.notification.api.ReminderKind;
import com.upgradecoordination.notification.api.ScheduleReminderCommand;
import com.upgradecoordination.notification.domain.Reminder;
import com.upgradecoordination.notification.readmodel.TicketDirectory;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders survive a restart (SPEC N3, issue 6): an upgrade is scheduled in one run of the
 * service, which stops with the UPGRADE_OUTCOME_OVERDUE reminder pending; a new run on the same
 * database fires it and tells the assigned engineer through the rule table. The grace after the
 * upgrade time is 15 seconds here, so the reminder falls due in real time during the test. The
 * first run polls its deadlines only once an hour, so the reminder is still pending when it stops
 * however long that run takes on a loaded machine.
 */
class ReminderRestartIT {

    static final Duration GRACE = Duration.ofSeconds(15);
    static final Duration PATIENCE = Duration.ofSeconds(60);
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aReminderPendingAtShutdownFiresAfterTheRestartAndTellsTheAssignedEngineer() throws Exception {
        Map<String, Object> settings = new HashMap<>(
                ServiceTestSettings.forService("notification-service", TestBroker.shared().bootstrapServers()));
        settings.put("server.port", "0");
        settings.put("platform.deadlines.polling-interval", "1s");
        settings.put("notification.reminders.upgrade-outcome-grace", GRACE.toSeconds() + "s");
        String ticketId = "ticket-" + UUID.randomUUID();
        String reminderId = ScheduleReminderCommand.idFor(ReminderKind.UPGRADE_OUTCOME_OVERDUE, ticketId);
        Instant upgradeAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        Map<String, Object> firstRunSettings = new HashMap<>(settings);
        firstRunSettings.put("platform.deadlines.polling-interval", "1h");
        try (ConfigurableApplicationContext firstRun = start(firstRunSettings)) {
            JdbcClient jdbc = firstRun.getBean(JdbcClient.class);
            // as the ticket's events would leave it (ReminderFlowIT shows them arriving over Kafka)
            firstRun.getBean(TicketDirectory.class).rememberAssignedEngineer(ticketId, ticketId, "sue.engineer");
            AuditMetadata audit = new AuditMetadata(Actor.serviceAccount("notification-service"), "corr-restart",
                    "event-" + UUID.randomUUID(), "kafka upgrade.review.events");
            firstRun.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(
                    ScheduleReminderCommand.of(ReminderKind.UPGRADE_OUTCOME_OVERDUE, ticketId, ticketId, null,
                            upgradeAt)).andMetaData(audit.toMetaData()));
            assertThat(eventTypes(jdbc, reminderId)).containsExactly("ReminderScheduledEvent");
            assertThat(pendingDeadlines(jdbc)).isEqualTo(1);
        }

        try (TopicRecorder notificationTopic = TopicRecorder.fromNow(TestBroker.shared().bootstrapServers(),
                Topics.NOTIFICATION);
             ConfigurableApplicationContext secondRun = start(settings)) {
            JdbcClient jdbc = secondRun.getBean(JdbcClient.class);
            await().atMost(PATIENCE).until(() -> eventTypes(jdbc, reminderId).contains("ReminderFiredEvent"));
            await().atMost(PATIENCE).until(() -> inboxOf(jdbc, "sue.engineer").size() == 1);
            assertThat(inboxOf(jdbc, "sue.engineer").get(0)).isEqualTo("ReminderFired: Reminder: no outcome has "
                    + "been reported for the upgrade of unknown at " + upgradeAt + " (ticket " + ticketId + ")");
            String metaData = new String(jdbc.sql("""
                            SELECT metadata FROM domainevententry
                            WHERE aggregateidentifier = :id AND payloadtype LIKE '%ReminderFiredEvent'""")
                    .param("id", reminderId).query(byte[].class).single(), StandardCharsets.UTF_8);
            assertThat(metaData).contains("\"actor\":\"notification-service\"", "\"actorRole\":\"INTEGRATION\"",
                    "\"origin\":\"deadline " + Reminder.DEADLINE + "\"");
            await().atMost(PATIENCE).until(() -> notificationTopic.received().stream()
                    .filter(record -> ticketId.equals(record.key()))
                    .map(record -> json.readTree(record.value()))
                    .anyMatch(envelope -> envelope.get("type").asString().equals("ReminderFired")));
            JsonNode fired = notificationTopic.received().stream().filter(record -> ticketId.equals(record.key()))
                    .map(record -> json.readTree(record.value()))
                    .filter(envelope -> envelope.get("type").asString().equals("ReminderFired"))
                    .findFirst().orElseThrow().get("payload");
            assertThat(fired.get("kind").asString()).isEqualTo("UPGRADE_OUTCOME_OVERDUE");
            assertThat(fired.get("ticketId").asString()).isEqualTo(ticketId);
            assertThat(Instant.parse(fired.get("dueAt").asString())).isEqualTo(upgradeAt.plus(GRACE));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingDeadlines(jdbc) == 0);
        }
    }

    static ConfigurableApplicationContext start(Map<String, Object> settings) {
        // as command-line arguments, so they win over notification-service.yml
        String[] arguments = settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        return NotificationServiceApplication.application()
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", Clock.systemUTC()))
                .run(arguments);
    }

    static long pendingDeadlines(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'")
                .query(Long.class).single();
    }

    static List<String> eventTypes(JdbcClient jdbc, String aggregateId) {
        return jdbc.sql("""
                        SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = :id
                        ORDER BY sequencenumber""")
                .param("id", aggregateId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    static List<String> inboxOf(JdbcClient jdbc, String recipient) {
        return jdbc.sql("SELECT source_event_type || ': ' || message FROM inbox_entry WHERE recipient = :recipient")
                .param("recipient", recipient).query(String.class).list();
    }
}
