package com.upgradecoordination.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestBroker;
import com.upgradecoordination.events.Actor;
import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.review.ReviewServiceApplication;
import com.upgradecoordination.review.api.AssignTicketCommand;
import com.upgradecoordination.review.api.CsmSource;
import com.upgradecoordination.review.api.RequestUpgradeAssistanceCommand;
import com.upgradecoordination.review.api.ScheduleUpgradeCommand;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deadline survives a restart (SPEC T9, issue 5 item 3): the ticket goes on hold in one run of
 * the service, the service stops with the on-hold expiry pending, and a new run on the same
 * database fires it. The first run's clock is four days (less a few seconds) behind, so the
 * four-day expiry falls a few seconds after the upgrade was scheduled, in real time.
 */
class TicketDeadlinesRestartIT {

    static final Duration TRIGGER_IN = Duration.ofSeconds(15);

    @Test
    void anOnHoldExpiryPendingAtShutdownFiresAfterTheRestart() {
        Map<String, Object> settings = new HashMap<>(
                ServiceTestSettings.forService("review-service", TestBroker.shared().bootstrapServers()));
        settings.put("server.port", "0");
        settings.put("platform.deadlines.polling-interval", "1s");
        Clock fourDaysBack = Clock.offset(Clock.systemUTC(), UpgradeSchedule.ON_HOLD_LIMIT.minus(TRIGGER_IN).negated());
        String ticketId = "ticket-" + UUID.randomUUID();
        Instant scheduledAt;

        try (ConfigurableApplicationContext firstRun = start(settings, fourDaysBack)) {
            CommandGateway commands = firstRun.getBean(CommandGateway.class);
            send(commands, new RequestUpgradeAssistanceCommand(ticketId, TicketForm.STANDARD, "Acme Corp", null,
                    "casey.csm", CsmSource.REQUEST, details(LocalDate.now(fourDaysBack).plusDays(30))));
            send(commands, new AssignTicketCommand(ticketId, "sue.engineer", "SUPPORT_ENGINEER", null));
            send(commands, new ScheduleUpgradeCommand(ticketId, null));
            scheduledAt = Instant.now();
            assertThat(pendingDeadlines(firstRun)).isEqualTo(1);
        }
        assertThat(Instant.now()).as("stopped before the deadline was due").isBefore(scheduledAt.plus(TRIGGER_IN));

        try (ConfigurableApplicationContext secondRun = start(settings, Clock.systemUTC())) {
            JdbcClient jdbc = secondRun.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(eventTypes(jdbc, ticketId)).endsWith("OnHoldExpiredEvent", "TicketStatusChangedEvent"));
            // the scheduler removes the executed deadline right after its handler's transaction
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingDeadlines(secondRun) == 0);
            String metaData = new String(jdbc.sql("""
                            SELECT metadata FROM domainevententry
                            WHERE aggregateidentifier = :id AND payloadtype LIKE '%OnHoldExpiredEvent'""")
                    .param("id", ticketId).query(byte[].class).single(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(metaData).contains("\"actor\":\"review-service\"", "\"actorRole\":\"INTEGRATION\"",
                    "\"origin\":\"deadline " + TicketDeadlines.ON_HOLD + "\"");
        }
    }

    static ConfigurableApplicationContext start(Map<String, Object> settings, Clock clock) {
        // as command-line arguments, so they win over review-service.yml
        String[] arguments = settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        return ReviewServiceApplication.application()
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(arguments);
    }

    static void send(CommandGateway commands, Object command) {
        var audit = new AuditMetadata(new Actor("sue.engineer", "SUPPORT_ENGINEER"), "corr-restart",
                "request-" + UUID.randomUUID(), "test");
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
    }

    static long pendingDeadlines(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'")
                .query(Long.class).single();
    }

    static List<String> eventTypes(JdbcClient jdbc, String ticketId) {
        return jdbc.sql("""
                        SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = :id
                        ORDER BY sequencenumber""")
                .param("id", ticketId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    static UpgradeRequestDetails details(LocalDate upgradeDate) {
        return new UpgradeRequestDetails("16.7.10", "16.11.10", List.of("16.11.10"), Map.of(), "the plan",
                "the rollback plan", "Omnibus, single node", "ops@acme.example", upgradeDate, LocalTime.of(10, 0),
                "Europe/Berlin", null);
    }
}
