package com.upgradecoordination.platform.audit;

import com.upgradecoordination.events.Topics;
import com.upgradecoordination.platform.audit.timeline.CaseTimeline;
import com.upgradecoordination.platform.audit.timeline.CaseTimelineRecorder;
import com.upgradecoordination.platform.audit.web.CaseTimelineController;
import com.upgradecoordination.platform.relay.KafkaIntegrationAutoConfiguration;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case timeline (SPEC A3), in the one service that enables it with
 * {@code platform.audit.case-timeline.enabled=true}: it consumes all three topics a poll at a time
 * ({@link CaseTimelineRecorder}) and keeps each event once.
 * Built from the topics alone, so it works the same on an auditor's own copy of them: point
 * {@code spring.kafka.bootstrap-servers} at that copy.
 */
@AutoConfiguration(after = KafkaIntegrationAutoConfiguration.class)
@ConditionalOnProperty(name = "platform.audit.case-timeline.enabled", havingValue = "true")
public class CaseTimelineAutoConfiguration {

    @Bean
    public CaseTimeline caseTimeline(NamedParameterJdbcTemplate jdbcTemplate, TransactionTemplate transactionTemplate,
                                     JsonMapper jsonMapper) {
        return new CaseTimeline(jdbcTemplate, transactionTemplate, jsonMapper);
    }

    @Bean
    public CaseTimelineRecorder caseTimelineRecorder(@Value("${spring.application.name}") String serviceName,
                                                     CaseTimeline caseTimeline, BeanFactory beanFactory) {
        return new CaseTimelineRecorder(serviceName + "-case-timeline",
                List.of(Topics.COORDINATION, Topics.REVIEW, Topics.NOTIFICATION), caseTimeline, beanFactory);
    }

    @Bean
    public CaseTimelineController caseTimelineController(CaseTimeline caseTimeline, JsonMapper jsonMapper) {
        return new CaseTimelineController(caseTimeline, jsonMapper);
    }
}
