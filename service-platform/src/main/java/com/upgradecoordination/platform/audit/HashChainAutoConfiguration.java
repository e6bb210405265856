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
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Replaces the event storage engine of Axon's {@code JdbcAutoConfiguration} (same settings) with
 * {@link HashChainingEventStorageEngine}, so every stream is hash-chained at write time (SPEC A4),
 * and Axon's event store over it with one that caches fewer events.
 */
@AutoConfiguration(after = AxonOnBoot4AutoConfiguration.class,
        beforeName = {"org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
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

    /** How many rows one query of the event store reads (the engine's batch size; audit reads use it too). */
    static final String ROWS_PER_QUERY = "${platform.event-store.batch-size:1000}";

    /**
     * What JdbcAutoConfiguration would build, chaining each append; snapshots as {@link AggregateSnapshots}
     * writes them. {@code platform.event-store.batch-size} is how many rows one query reads, for an
     * aggregate's stream as for the processors tailing the store: Axon's 100 made a read of 10,000
     * events 100 round trips (see docs/performance.md).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 ObjectProvider<EventSchema> eventSchema,
                                                 EventHashChain eventHashChain,
                                                 ObjectProvider<IntegrationEventTranslator> translators,
                                                 @Value(ROWS_PER_QUERY) int batchSize) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
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

    /**
     * Axon's event store as its auto-configuration builds it, with a smaller cache of the latest
     * events for the processors that tail the store. Axon keeps 10,000, each in its serialized and,
     * once handled, its deserialized form: ~40 MB of heap once that many have been stored, most of a
     * service's live heap. A processor further behind than the cache reads the store itself until it
     * has caught up, as it does after a restart.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         @Value("${platform.event-store.cached-events:1000}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .build();
    }
}
