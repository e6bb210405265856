package com.upgradecoordination.platform.web;

import java.util.function.Function;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The exchange of the request being handled, read from the Reactor context where
 * {@link ServerWebExchangeContextFilter} (the last web filter) put it: the very exchange a
 * controller would be handed, so controllers need not pass it along.
 */
final class CurrentExchange {

    private CurrentExchange() {
    }

    /** Runs {@code work} on the current exchange when the returned Mono is subscribed. */
    static <T> Mono<T> with(Function<ServerWebExchange, Mono<T>> work) {
        return Mono.deferContextual(context -> ServerWebExchangeContextFilter.getExchange(context)
                .map(work)
                .orElseGet(() -> Mono.error(new IllegalStateException(
                        "No exchange in the Reactor context: is ServerWebExchangeContextFilter registered?"))));
    }
}
