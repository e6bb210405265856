package com.upgradecoordination.platform.inbox;

import com.upgradecoordination.platform.axon.AuditMetadata;
import java.util.Objects;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends the commands one cause gives rise to (an integration event, a fired reminder), each with the
 * cause's audit metadata, so the events they append name who and what caused them. Each command is
 * sent and awaited in turn: in the inbox's transaction, a refusal then rolls the whole effect back.
 */
public final class AuditedCommands {

    private final CommandGateway commandGateway;
    private final AuditMetadata audit;

    public AuditedCommands(CommandGateway commandGateway, AuditMetadata audit) {
        this.commandGateway = Objects.requireNonNull(commandGateway, "commandGateway");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public void send(Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
    }
}
