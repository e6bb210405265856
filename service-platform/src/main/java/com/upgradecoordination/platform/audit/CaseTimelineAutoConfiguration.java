package com.upgradecoordination.platform.audit;

import com.upgradecoordination.events.Topics;
import com.upgradecoordination.platform.audit.timeline.CaseTimeline;
import com.upgradecoordination.platform.audit.web.CaseTimelineController;
import com.upgradecoordination.platform.inbox.InboxSubscription;
import com.upgradecoordination.platform.relay.KafkaIntegrationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case timeline (SPEC A3), in the one service that enables it with
 * {@code platform.audit.case-timeline.enabled=true}: it consumes all three topics, each event once.
 * Built from the topics alone, so it works the same on an auditor's own copy of them: point
 * {@code spring.kafka.bootstrap-servers} at that copy.
 */
@AutoConfiguration(after = KafkaIntegrationAutoConfiguration.class)
@ConditionalOnProperty(name = "platform.audit.case-timeline.enabled", havingValue = "true")
public class CaseTimelineAutoConfiguration {

    @Bean
    public CaseTimeline caseTimeline(JdbcClient jdbcClient, JsonMapper jsonMapper) {
        return new CaseTimeline(jdbcClient, jsonMapper);
    }

    @Bean
    public InboxSubscription caseTimelineRecorder(Environment environment, CaseTimeline caseTimeline) {
        return InboxSubscription.listener(environment.getRequiredProperty("spring.application.name") + "-case-timeline",
                        Topics.COORDINATION, Topics.REVIEW, Topics.NOTIFICATION)
                .everyEvent("case-timeline", inbound -> caseTimeline.add(inbound.envelope(), inbound.source()));
    }

    @Bean
    public CaseTimelineController caseTimelineController(CaseTimeline caseTimeline, JsonMapper jsonMapper) {
        return new CaseTimelineController(caseTimeline, jsonMapper);
    }
}
