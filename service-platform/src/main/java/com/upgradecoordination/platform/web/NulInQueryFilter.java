package com.upgradecoordination.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query parameter holding the character U+0000 ({@code ?size=%00}) as invalid input
 * (400). PostgreSQL text cannot hold it: such a value failed inside the query that filters by it
 * and was answered 500. (Spring Security's firewall already refuses an encoded NUL in the path.)
 */
public class NulInQueryFilter implements WebFilter, Ordered {

    /** After Spring Security (-100), so a caller without a valid token still learns that first; before idempotency. */
    public static final int ORDER = -60;

    private final ProblemResponses problems;

    public NulInQueryFilter(JsonMapper jsonMapper) {
        this.problems = new ProblemResponses(jsonMapper);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
            if (holdsNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(NulInQueryFilter::holdsNul)) {
                return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                        "Query parameter " + parameter.getKey().replace('\u0000', '?')
                                + ": must not contain the character U+0000; nothing was changed.");
            }
        }
        return chain.filter(exchange);
    }

    private static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
