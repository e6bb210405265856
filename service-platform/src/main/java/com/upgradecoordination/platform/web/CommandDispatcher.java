package com.upgradecoordination.platform.web;

import com.upgradecoordination.events.Actor;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a command on behalf of the HTTP request being handled (taken from the Reactor context, see
 * {@link CurrentExchange}), with the request's audit metadata.
 *
 * <p>Axon runs the handler, and its blocking JDBC append, on the calling thread; sending from a
 * scheduler meant for blocking work keeps the Netty event loop free.
 *
 * <p>Under an Idempotency-Key claim the command carries the claim, so its transaction records its
 * outcome on the key; when an earlier run of the same request already committed the command (and
 * died before its response was stored), the recorded outcome is answered and nothing is sent.
 */
public class CommandDispatcher {

    private static final String ID_COUNT_ATTRIBUTE = IdempotencyClaim.ATTRIBUTE + ".ids";
    private static final ContextSnapshotFactory CONTEXT_SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final CommandGateway commandGateway;
    private final JsonMapper jsonMapper;
    private final CrashPoints crashPoints;

    public CommandDispatcher(CommandGateway commandGateway, JsonMapper jsonMapper, CrashPoints crashPoints) {
        this.commandGateway = commandGateway;
        this.jsonMapper = jsonMapper;
        this.crashPoints = crashPoints;
    }

    /** Sends the command; its handler's result. */
    public <R> Mono<R> send(Object command) {
        return CurrentExchange.with(exchange -> send(command, exchange));
    }

    /** Sends the command that names who acts: the caller, in the role the access policy let it act in. */
    public <R> Mono<R> sendAs(Function<Actor, Object> command) {
        return RequestAudit.actor().map(command).flatMap(c -> this.<R>send(c));
    }

    /**
     * Sends the command that creates a resource under a new id; the id once the command succeeded.
     * The id is random, or under an Idempotency-Key derived from the claim, so a retry of the
     * request names the same resource as its first run (the n-th id of a request is the same on
     * every run).
     */
    public Mono<String> sendWithNewId(Function<String, Object> command) {
        return CurrentExchange.with(exchange -> {
            String id = newId(exchange);
            return send(command.apply(id), exchange).thenReturn(id);
        });
    }

    private <R> Mono<R> send(Object command, ServerWebExchange exchange) {
        IdempotencyClaim claim = exchange.getAttribute(IdempotencyClaim.ATTRIBUTE);
        if (claim != null && claim.committed() != null) {
            return Mono.fromCallable(() -> this.<R>outcomeOf(claim.committed()));
        }
        return RequestAudit.of(exchange).flatMap(audit -> {
            MetaData metaData = claim == null ? audit.toMetaData() : audit.toMetaData().mergedWith(claim.toMetaData());
            var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
            return Mono.deferContextual(context -> Mono.fromCallable(() -> {
                        // the request's observation (its trace) on this thread, so the command takes it along
                        try (ContextSnapshot.Scope observed = CONTEXT_SNAPSHOTS.setThreadLocalsFrom(context)) {
                            R result = commandGateway.<R>sendAndWait(message);
                            if (claim != null) {
                                crashPoints.reached(CrashPoints.Point.AFTER_COMMAND_COMMIT);
                            }
                            return result;
                        }
                    }))
                    .subscribeOn(Schedulers.boundedElastic());
        });
    }

    private static String newId(ServerWebExchange exchange) {
        IdempotencyClaim claim = exchange.getAttribute(IdempotencyClaim.ATTRIBUTE);
        if (claim == null) {
            return UUID.randomUUID().toString();
        }
        int n = (Integer) exchange.getAttributes().merge(ID_COUNT_ATTRIBUTE, 1, (a, b) -> (Integer) a + (Integer) b);
        String name = claim.principal() + "\n" + claim.key() + "\n" + n;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @SuppressWarnings("unchecked")
    private <R> R outcomeOf(IdempotencyKeys.CommittedCommand committed) throws ClassNotFoundException, LinkageError {
        if (committed.isRefusal()) {
            throw committed.asRefusal();
        }
        if (committed.resultType() == null) {
            return null;
        }
        Class<?> type = ClassUtils.forName(committed.resultType(), null);
        return (R) jsonMapper.readValue(committed.result(), type);
    }
}
