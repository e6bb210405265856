package com.upgradecoordination.platform.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command on behalf of an HTTP request, with the request's audit metadata.
 *
 * <p>Axon runs the handler, and its blocking JDBC append, on the calling thread; sending from a
 * scheduler meant for blocking work keeps the Netty event loop free.
 */
public class CommandDispatcher {

    private final CommandGateway commandGateway;

    public CommandDispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> Mono<R> send(Object command, ServerWebExchange exchange) {
        return RequestAudit.of(exchange).flatMap(audit -> {
            var message = GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData());
            return Mono.fromCallable(() -> commandGateway.<R>sendAndWait(message))
                    .subscribeOn(Schedulers.boundedElastic());
        });
    }
}
