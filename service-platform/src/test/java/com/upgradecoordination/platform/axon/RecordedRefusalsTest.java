package com.upgradecoordination.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command bus keeps a recorded refusal's event and rolls back everything else that failed. */
class RecordedRefusalsTest {

    Configuration axon;
    CommandGateway commands;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureCommandBus(c -> SimpleCommandBus.builder()
                        .rollbackConfiguration(AxonPlatformAutoConfiguration.KEEP_RECORDED_REFUSALS).build())
                .configureAggregate(Door.class)
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
        commands.sendAndWait(new InstallDoor("door-1"));
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void aRecordedRefusalReachesTheCallerAndItsEventIsStored() {
        assertThatThrownBy(() -> commands.sendAndWait(new OpenDoor("door-1", true)))
                .isInstanceOf(RecordedRuleViolationException.class)
                .hasMessage("the door is locked");

        assertThat(storedPayloads()).containsExactly(new DoorInstalled("door-1"), new OpeningRefused("door-1"));
    }

    @Test
    void anyOtherFailureRollsBackWhatTheHandlerApplied() {
        assertThatThrownBy(() -> commands.sendAndWait(new OpenDoor("door-1", false)))
                .isInstanceOf(RuleViolationException.class)
                .isNotInstanceOf(RecordedRuleViolationException.class);

        assertThat(storedPayloads()).containsExactly(new DoorInstalled("door-1"));
    }

    private List<Object> storedPayloads() {
        return axon.eventStore().readEvents("door-1").asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    record InstallDoor(@TargetAggregateIdentifier String doorId) {
    }

    record OpenDoor(@TargetAggregateIdentifier String doorId, boolean recordTheRefusal) {
    }

    record DoorInstalled(String doorId) {
    }

    record OpeningRefused(String doorId) {
    }

    static class Door {

        @AggregateIdentifier
        private String doorId;

        Door() {
        }

        @CommandHandler
        Door(InstallDoor command) {
            apply(new DoorInstalled(command.doorId()));
        }

        @CommandHandler
        void handle(OpenDoor command) {
            apply(new OpeningRefused(doorId));
            if (command.recordTheRefusal()) {
                throw new RecordedRuleViolationException("door-locked", "the door is locked");
            }
            throw new RuleViolationException("door-locked", "the door is locked");
        }

        @EventSourcingHandler
        void on(DoorInstalled event) {
            doorId = event.doorId();
        }
    }
}
