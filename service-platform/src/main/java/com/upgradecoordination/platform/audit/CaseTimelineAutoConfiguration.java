package com.upgradecoordination.platform.audit;

import com.upgradecoordination.platform.audit.timeline.CaseTimeline;
import com.upgradecoordination.platform.audit.timeline.CaseTimelineRecorder;
import com.upgradecoordination.platform.audit.web.CaseTimelineController;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import com.upgradecoordination.platform.relay.KafkaIntegrationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case timeline (SPEC A3), in the one service that enables it with
 * {@code platform.audit.case-timeline.enabled=true}: it consumes all three topics.
 */
@AutoConfiguration(after = KafkaIntegrationAutoConfiguration.class)
@ConditionalOnProperty(name = "platform.audit.case-timeline.enabled", havingValue = "true")
public class CaseTimelineAutoConfiguration {

    @Bean
    public CaseTimeline caseTimeline(JdbcClient jdbcClient, JsonMapper jsonMapper) {
        return new CaseTimeline(jdbcClient, jsonMapper);
    }

    @Bean
    public CaseTimelineRecorder caseTimelineRecorder(IntegrationEventInbox integrationEventInbox,
                                                     CaseTimeline caseTimeline) {
        return new CaseTimelineRecorder(integrationEventInbox, caseTimeline);
    }

    @Bean
    public CaseTimelineController caseTimelineController(CaseTimeline caseTimeline, JsonMapper jsonMapper) {
        return new CaseTimelineController(caseTimeline, jsonMapper);
    }
}
