package com.upgradecoordination.platform.audit.reads;

import com.upgradecoordination.platform.web.RequestAudit;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Records every audit read before serving it (SPEC A5): anything under {@code /audit/}, and the
 * services' own {@code GET .../history} endpoints. Runs after security, so only calls the access
 * table let through are recorded, with the role the caller acted in. If the record cannot be
 * written, the read is not served.
 */
public class AuditReadRecorder implements WebFilter, Ordered {

    /** After Spring Security's filter chain (order -100), which decides the acting role. */
    public static final int ORDER = 0;

    private final AuditReadLog log;

    public AuditReadRecorder(AuditReadLog log) {
        this.log = log;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    static boolean isAuditRead(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return path.startsWith("/audit/")
                || (HttpMethod.GET.equals(request.getMethod()) && path.endsWith("/history"));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!isAuditRead(request)) {
            return chain.filter(exchange);
        }
        String role = exchange.getAttribute(RequestAudit.ACTING_ROLE);
        return exchange.getPrincipal()
                .filter(principal -> role != null)
                .flatMap(principal -> Mono.fromRunnable(() -> record(exchange, principal, role))
                        .subscribeOn(Schedulers.boundedElastic()))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    private void record(ServerWebExchange exchange, Principal principal, String role) {
        ServerHttpRequest request = exchange.getRequest();
        String query = request.getURI().getRawQuery();
        String target = request.getPath().value() + (query == null ? "" : "?" + query);
        String correlationId = exchange.getResponse().getHeaders().getFirst(RequestAudit.CORRELATION_HEADER);
        log.record(principal.getName(), role, request.getMethod().name(), target,
                correlationId == null ? "unknown" : correlationId);
    }
}
