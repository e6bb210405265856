package com.upgradecoordination.coordination.catalog;

import com.upgradecoordination.coordination.api.SeedGptBenchmarkCommand;
import com.upgradecoordination.events.Actor;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Registers the shipped catalog's runs as version 1 of each size that has none yet, before the
 * service takes requests. Every instance does it; the aggregate makes the second one a no-op.
 */
public class InitialGptBenchmarkSeeder {

    private static final Logger log = LoggerFactory.getLogger(InitialGptBenchmarkSeeder.class);

    private final InitialGptBenchmarks initial;
    private final CommandGateway commands;

    public InitialGptBenchmarkSeeder(InitialGptBenchmarks initial, CommandGateway commands) {
        this.initial = initial;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        String correlationId = UUID.randomUUID().toString();
        var audit = new AuditMetadata(Actor.serviceAccount("coordination-service"), correlationId,
                "gpt-benchmarks catalog v" + initial.version(), "catalog " + initial.source());
        for (InitialGptBenchmarks.Entry entry : initial.entries()) {
            var command = new SeedGptBenchmarkCommand(entry.size(), entry.resultsJson(), entry.sourceUrl(),
                    entry.publishedOn());
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
            } catch (ConcurrencyException | AggregateStreamCreationException anotherInstanceSeededIt) {
                log.info("The {} benchmark was registered by another instance at the same time", entry.size());
            }
        }
    }
}
