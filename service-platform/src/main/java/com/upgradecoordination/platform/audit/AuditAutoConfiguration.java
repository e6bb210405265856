package com.upgradecoordination.platform.audit;

import com.upgradecoordination.platform.audit.chain.EventHashChain;
import com.upgradecoordination.platform.audit.reads.AuditReadLog;
import com.upgradecoordination.platform.audit.reads.AuditReadRecorder;
import com.upgradecoordination.platform.audit.rebuild.ReadModelRebuilds;
import com.upgradecoordination.platform.audit.state.AggregateStates;
import com.upgradecoordination.platform.audit.web.AggregateAuditController;
import com.upgradecoordination.platform.audit.web.AuditReadController;
import com.upgradecoordination.platform.audit.web.ReadModelController;
import com.upgradecoordination.platform.history.AggregateHistory;
import com.upgradecoordination.platform.personaldata.PersonalDataCipher;
import com.upgradecoordination.platform.personaldata.PersonalDataModule;
import com.upgradecoordination.platform.relay.IntegrationEventRelay;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.upgradecoordination.platform.web.WebPlatformAutoConfiguration;

/**
 * The audit endpoints every service serves (SPEC section 6), generic over every aggregate and
 * read model of the service: history with the hash chain, state as of any point, chain
 * verification, the record of audit reads, and read-model rebuilds. See docs/auditor-guide.md.
 */
@AutoConfiguration(after = {HashChainAutoConfiguration.class, WebPlatformAutoConfiguration.class},
        afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(EventHashChain.class)
public class AuditAutoConfiguration {

    @Bean
    public AggregateStates aggregateStates(Configuration axonConfiguration, EventStore eventStore,
                                           @Value(HashChainAutoConfiguration.ROWS_PER_QUERY) int rowsPerQuery) {
        return new AggregateStates(axonConfiguration, eventStore, rowsPerQuery);
    }

    @Bean
    public AggregateAuditController aggregateAuditController(EventStore eventStore, AggregateHistory history,
                                                             AggregateStates states, EventHashChain chain,
                                                             MeterRegistry meterRegistry) {
        return new AggregateAuditController(eventStore, history, states, chain, meterRegistry);
    }

    @Bean
    public AuditReadLog auditReadLog(JdbcClient jdbcClient, ObjectProvider<Clock> clock) {
        return new AuditReadLog(jdbcClient, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public AuditReadRecorder auditReadRecorder(AuditReadLog auditReadLog) {
        return new AuditReadRecorder(auditReadLog);
    }

    @Bean
    public AuditReadController auditReadController(AuditReadLog auditReadLog) {
        return new AuditReadController(auditReadLog);
    }

    /**
     * Processing groups that are never rebuilt, besides any whose handlers refuse a reset: the
     * Kafka relay always, and whatever {@code platform.audit.rebuild.excluded-processing-groups} adds.
     */
    @Bean
    public ReadModelRebuilds readModelRebuilds(
            EventProcessingConfiguration eventProcessingConfiguration, JdbcClient jdbcClient,
            ObjectProvider<Clock> clock,
            @Value("${platform.audit.rebuild.excluded-processing-groups:}") List<String> excluded) {
        Set<String> never = new HashSet<>(excluded);
        never.add(IntegrationEventRelay.PROCESSING_GROUP);
        return new ReadModelRebuilds(eventProcessingConfiguration, jdbcClient, never,
                clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * How Axon's serializers write JSON. Axon applies only the first {@link Jackson3SerializerCustomizer}
     * bean it finds, so this is the platform's only one.
     *
     * <p>A rebuild stores Axon's ReplayToken, whose reset context is typed {@code Object}; Jackson 3's
     * default type validator refuses that base type, so the processor could not read its own token
     * back and stopped. Axon's token classes (and only they) may be named in stored tokens.
     * Personal data is stored encrypted ({@link PersonalDataModule}, docs/personal-data.md).
     */
    @Bean
    public Jackson3SerializerCustomizer axonJsonMapper(ObjectProvider<PersonalDataCipher> personalDataCipher) {
        return jsonMapper -> {
            jsonMapper.polymorphicTypeValidator(
                    BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build());
            personalDataCipher.ifAvailable(cipher -> jsonMapper.addModule(new PersonalDataModule(cipher)));
        };
    }

    @Bean
    public ReadModelController readModelController(ReadModelRebuilds readModelRebuilds) {
        return new ReadModelController(readModelRebuilds);
    }
}
