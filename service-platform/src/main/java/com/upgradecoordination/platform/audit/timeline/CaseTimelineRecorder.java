package com.upgradecoordination.platform.audit.timeline;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds the case timeline from all three topics, with the inbox (each event once). Built from the
 * topics alone, so it works the same on an auditor's own copy of them: point
 * {@code spring.kafka.bootstrap-servers} at that copy.
 */
public class CaseTimelineRecorder {

    static final String CONSUMER = "case-timeline";

    private final IntegrationEventInbox inbox;
    private final CaseTimeline timeline;

    public CaseTimelineRecorder(IntegrationEventInbox inbox, CaseTimeline timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    @KafkaListener(id = "${spring.application.name}-case-timeline",
            topics = {Topics.COORDINATION, Topics.REVIEW, Topics.NOTIFICATION})
    public void on(ConsumerRecord<String, EventEnvelope> record) {
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        inbox.handleOnce(CONSUMER, record, IntegrationEventInbox.ignoringAudit(envelope -> timeline.add(envelope, source)));
    }
}
