package com.upgradecoordination.platform.audit;

import com.upgradecoordination.platform.audit.chain.CaseIds;
import com.upgradecoordination.platform.audit.chain.EventHashChain;
import com.upgradecoordination.platform.audit.chain.HashChainingEventStorageEngine;
import com.upgradecoordination.platform.axon.AggregateSnapshots;
import com.upgradecoordination.platform.axon.AxonOnBoot4AutoConfiguration;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import com.upgradecoordination.platform.axon.UniqueViolationResolver;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Replaces the event storage engine of Axon's {@code JdbcAutoConfiguration} (same settings) with
 * {@link HashChainingEventStorageEngine}, so every stream is hash-chained at write time (SPEC A4).
 */
@AutoConfiguration(after = AxonOnBoot4AutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class HashChainAutoConfiguration {

    @Bean
    public EventHashChain eventHashChain(DataSource dataSource, PlatformTransactionManager transactionManager,
                                         ObjectProvider<Clock> clock) {
        return new EventHashChain(dataSource, transactionManager,
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** Replaces Axon's resolver, which misses PostgreSQL's unique violations (see {@link UniqueViolationResolver}). */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    /** What JdbcAutoConfiguration would build, chaining each append; snapshots as {@link AggregateSnapshots} writes them. */
    @Bean
    public EventStorageEngine eventStorageEngine(PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 ObjectProvider<EventSchema> eventSchema,
                                                 EventHashChain eventHashChain,
                                                 ObjectProvider<IntegrationEventTranslator> translators) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(AggregateSnapshots.serializer())
                // HashChainingEventStorageEngine chains the rows as this type writes them
                .dataType(byte[].class)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema.getIfAvailable(EventSchema::new));
        return new HashChainingEventStorageEngine(builder, transactionManager, eventHashChain,
                new CaseIds(translators));
    }
}
