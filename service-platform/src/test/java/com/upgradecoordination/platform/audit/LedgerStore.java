package com.upgradecoordination.platform.audit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.platform.audit.chain.CaseIds;
import com.upgradecoordination.platform.audit.chain.EventHashChain;
import com.upgradecoordination.platform.audit.chain.HashChainingEventStorageEngine;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A small Axon application on H2 in PostgreSQL mode (the local run's database) with the platform's
 * migrations and the hash-chaining event store: a ledger aggregate whose case is named by a translator.
 */
final class LedgerStore implements AutoCloseable {

    final DataSource dataSource;
    final JdbcClient jdbc;
    final EventHashChain chain;
    final Configuration axon;

    LedgerStore() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        SpringTransactionManager axonTransactions = new SpringTransactionManager(transactions);
        chain = new EventHashChain(dataSource, transactions, Clock.systemUTC());
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("ledgerTranslator", (IntegrationEventTranslator) LedgerStore::translate);
        Serializer serializer = Jackson3Serializer.builder().build();
        JdbcEventStorageEngine.Builder storage = JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(axonTransactions);
        HashChainingEventStorageEngine engine = new HashChainingEventStorageEngine(storage, axonTransactions, chain,
                new CaseIds(beans.getBeanProvider(IntegrationEventTranslator.class)));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                .configureTransactionManager(c -> axonTransactions)
                .configureAggregate(Ledger.class)
                .buildConfiguration();
        axon.start();
    }

    void send(Object command) {
        axon.commandGateway().sendAndWait(command);
    }

    @Override
    public void close() {
        axon.shutdown();
    }

    /** Only the opening is "published": the rest of a ledger's events inherit its case. */
    private static Optional<OutboundIntegrationEvent> translate(Object event) {
        if (event instanceof LedgerOpened opened) {
            return Optional.of(new OutboundIntegrationEvent(opened.caseId(), opened));
        }
        return Optional.empty();
    }

    record OpenLedger(@TargetAggregateIdentifier String ledgerId, String caseId, String owner) {
    }

    record Book(@TargetAggregateIdentifier String ledgerId, String entry, long amount) {
    }

    /** Books {@code entries} entries of 1 in one command: a long stream in one append. */
    record BookMany(@TargetAggregateIdentifier String ledgerId, int entries) {
    }

    record CloseLedger(@TargetAggregateIdentifier String ledgerId) {
    }

    record LedgerOpened(String ledgerId, String caseId, String owner) {
    }

    record Booked(String ledgerId, String entry, long amount) {
    }

    record LedgerClosed(String ledgerId) {
    }

    static class Ledger {

        @AggregateIdentifier
        private String ledgerId;
        private String owner;
        private final List<String> entries = new ArrayList<>();
        private long balance;
        private boolean closed;

        Ledger() {
        }

        @CommandHandler
        Ledger(OpenLedger command) {
            apply(new LedgerOpened(command.ledgerId(), command.caseId(), command.owner()));
        }

        @CommandHandler
        void handle(Book command) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            apply(new Booked(ledgerId, command.entry(), command.amount()));
            if (balance < 0) {
                // a second event from one command, so as-of has states between commands to show
                apply(new Booked(ledgerId, "overdraft fee", -1));
            }
        }

        @CommandHandler
        void handle(BookMany command) {
            for (int entry = 1; entry <= command.entries(); entry++) {
                apply(new Booked(ledgerId, "entry " + entry, 1));
            }
        }

        @CommandHandler
        void handle(CloseLedger command) {
            apply(new LedgerClosed(ledgerId));
        }

        @EventSourcingHandler
        void on(LedgerOpened event) {
            ledgerId = event.ledgerId();
            owner = event.owner();
        }

        @EventSourcingHandler
        void on(Booked event) {
            entries.add(event.entry());
            balance += event.amount();
        }

        @EventSourcingHandler
        void on(LedgerClosed event) {
            closed = true;
        }
    }
}
