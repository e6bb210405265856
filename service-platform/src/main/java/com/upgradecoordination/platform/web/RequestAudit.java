package com.upgradecoordination.platform.web;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every HTTP request its audit facts: a request id (the causation id of the commands it
 * sends), a correlation id (taken from {@code X-Correlation-Id} when the caller continues a flow,
 * otherwise new) and its origin. Both ids are echoed in the response headers, on refusals too.
 *
 * <p>The actor is the authenticated principal (from the bearer token) in the role the access
 * policy let it act in.
 */
public class RequestAudit implements WebFilter, Ordered {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Exchange attribute holding the role the caller acts in, as the access policy decided it. */
    public static final String ACTING_ROLE = RequestAudit.class.getName() + ".actingRole";

    private static final String ATTRIBUTE = RequestAudit.class.getName();
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private record Ids(String requestId, String correlationId) {
    }

    /** Before security, so refused requests carry their ids too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = "request-" + UUID.randomUUID();
        String offered = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        String correlationId = offered != null && ACCEPTABLE_ID.matcher(offered).matches() ? offered : requestId;
        exchange.getAttributes().put(ATTRIBUTE, new Ids(requestId, correlationId));
        exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, requestId);
        exchange.getResponse().getHeaders().set(CORRELATION_HEADER, correlationId);
        return chain.filter(exchange);
    }

    /** The audit metadata for commands sent while handling {@code exchange}. */
    public static Mono<AuditMetadata> of(ServerWebExchange exchange) {
        Ids ids = exchange.getAttribute(ATTRIBUTE);
        if (ids == null) {
            return Mono.error(new IllegalStateException(
                    "RequestAudit filter did not run for " + exchange.getRequest().getPath()));
        }
        String origin = "HTTP " + exchange.getRequest().getMethod().name() + " "
                + exchange.getRequest().getPath().value();
        return actorOf(exchange).map(actor -> new AuditMetadata(actor, ids.correlationId(), ids.requestId(), origin));
    }

    /** The authenticated caller of the request being handled, in the role the access policy granted. */
    public static Mono<Actor> actor() {
        return CurrentExchange.with(RequestAudit::actorOf);
    }

    /** The authenticated caller in the role the access policy granted for this request. */
    private static Mono<Actor> actorOf(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(principal -> {
                    String role = exchange.getAttribute(ACTING_ROLE);
                    if (role == null) {
                        throw new IllegalStateException("No acting role decided for " + exchange.getRequest().getPath());
                    }
                    return new Actor(principal.getName(), role);
                })
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                        "Send a bearer token (Authorization: Bearer <JWT>).")));
    }
}
