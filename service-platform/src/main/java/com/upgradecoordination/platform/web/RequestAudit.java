package com.upgradecoordination.platform.web;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every HTTP request its audit facts: a request id (the causation id of the commands it
 * sends), a correlation id (taken from {@code X-Correlation-Id} when the caller continues a flow,
 * otherwise new) and its origin. Both ids are echoed in the response headers.
 *
 * <p>Until authentication lands, the actor comes from the {@code X-Actor} and
 * {@code X-Actor-Role} headers.
 */
public class RequestAudit implements WebFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String ACTOR_HEADER = "X-Actor";
    public static final String ACTOR_ROLE_HEADER = "X-Actor-Role";

    private static final String ATTRIBUTE = RequestAudit.class.getName();
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private record Ids(String requestId, String correlationId) {
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
    public static AuditMetadata of(ServerWebExchange exchange) {
        Ids ids = exchange.getAttribute(ATTRIBUTE);
        if (ids == null) {
            throw new IllegalStateException("RequestAudit filter did not run for " + exchange.getRequest().getPath());
        }
        String origin = "HTTP " + exchange.getRequest().getMethod().name() + " "
                + exchange.getRequest().getPath().value();
        return new AuditMetadata(actorOf(exchange), ids.correlationId(), ids.requestId(), origin);
    }

    public static Actor actorOf(ServerWebExchange exchange) {
        String principal = exchange.getRequest().getHeaders().getFirst(ACTOR_HEADER);
        String role = exchange.getRequest().getHeaders().getFirst(ACTOR_ROLE_HEADER);
        if (principal == null || principal.isBlank() || role == null || role.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                    "Say who you are: headers " + ACTOR_HEADER + " and " + ACTOR_ROLE_HEADER + " are required");
        }
        return new Actor(principal.strip(), role.strip());
    }
}
