package com.upgradecoordination.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes commands safe to retry (SPEC S4): a command (POST, PUT, PATCH, DELETE) sent with an
 * {@code Idempotency-Key} runs once per key and authenticated principal; a retry with the same key
 * and the same request (method, path and query, body bytes) gets the first response again
 * (status, {@code Content-Type}, {@code Location}, body) with {@code Idempotent-Replayed: true},
 * and no command is sent. Requests without the header are not touched.
 *
 * <ul>
 *   <li>the same key with a different request: 422 {@code idempotency-key-reused};</li>
 *   <li>the same key while its first request still runs: 409 {@code idempotency-key-in-progress}
 *       (a pending key older than {@link IdempotencyKeys}' take-over time is taken over);</li>
 *   <li>a key that is not 1-200 characters of {@code A-Z a-z 0-9 . _ : -}: 400.</li>
 * </ul>
 *
 * <p>Every completed response is kept, refusals (4xx) included, except server errors (5xx): after
 * one the key is released, so a retry runs the command again, unless the command committed. The
 * command's transaction records its outcome on the key ({@link IdempotentCommandRecorder}); a
 * retry of a request whose process died after that commit answers from the recorded outcome
 * ({@link CommandDispatcher}) instead of running the command again. Keys are stored in the service's
 * database ({@link IdempotencyKeys}), so they survive a restart and are shared by all instances.
 *
 * <p>Runs after Spring Security (its filter chain has order -100): unauthenticated or forbidden
 * requests never reach it, and the principal is known. The request body is read here (once, up to
 * the codec limit) and handed on from memory; the response is captured on its way out and stored
 * before it is written.
 */
public class IdempotencyFilter implements WebFilter, Ordered {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** After Spring Security's WebFilterChainProxy (-100), before the handlers. */
    public static final int ORDER = -50;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private static final Set<HttpMethod> COMMANDS =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Pattern ACCEPTABLE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final byte[] EMPTY = new byte[0];

    private final IdempotencyKeys keys;
    private final ProblemResponses problems;
    private final int maxBodyBytes;
    private final CrashPoints crashPoints;

    /** @param maxBodyBytes the largest request body read (the codec limit); -1 for no limit */
    public IdempotencyFilter(IdempotencyKeys keys, JsonMapper jsonMapper, int maxBodyBytes, CrashPoints crashPoints) {
        this.keys = keys;
        this.problems = new ProblemResponses(jsonMapper);
        this.maxBodyBytes = maxBodyBytes;
        this.crashPoints = crashPoints;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!COMMANDS.contains(request.getMethod())) {
            return chain.filter(exchange);
        }
        List<String> offered = request.getHeaders().getOrEmpty(HEADER);
        if (offered.isEmpty()) {
            return chain.filter(exchange);
        }
        String key = offered.get(0);
        if (offered.size() > 1 || !ACCEPTABLE_KEY.matcher(key).matches()) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key: send one key of 1-200 characters of A-Z a-z 0-9 . _ : - "
                            + "(for example a UUID); nothing was changed.");
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(principal -> principal.isPresent()
                        ? withKey(principal.get(), key, exchange, chain)
                        : chain.filter(exchange));
    }

    /** The joined body as bytes (none: empty), its buffer released. */
    private static Mono<byte[]> bytesOf(Mono<DataBuffer> joined) {
        return joined.map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).defaultIfEmpty(EMPTY);
    }

    private Mono<Void> withKey(String principal, String key, ServerWebExchange exchange, WebFilterChain chain) {
        return bytesOf(DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes))
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent()
                        ? claimAndRun(principal, key, body.get(), exchange, chain)
                        : problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                                "The request body is larger than this service accepts; nothing was changed."));
    }

    private Mono<Void> claimAndRun(String principal, String key, byte[] body, ServerWebExchange exchange,
                                   WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String query = request.getURI().getRawQuery();
        String target = request.getURI().getRawPath() + (query == null ? "" : "?" + query);
        String fingerprint = IdempotencyKeys.fingerprint(request.getMethod().name(), target, body);
        return Mono.fromCallable(() -> keys.claim(principal, key, fingerprint))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(claim -> {
                    switch (claim.outcome()) {
                        case COMPLETED:
                            return replay(exchange, claim.response());
                        case KEY_REUSED:
                            return problems.write(exchange, HttpStatusCode.valueOf(422), "idempotency-key-reused",
                                    "Idempotency-Key reused",
                                    "Idempotency-Key " + key + " was already used for a different request "
                                            + "(method, path or body); use a new key for a new request. "
                                            + "Nothing was changed.");
                        case IN_PROGRESS:
                            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                            return problems.write(exchange, HttpStatus.CONFLICT, "idempotency-key-in-progress",
                                    "Request in progress",
                                    "A request with Idempotency-Key " + key + " is still being processed; "
                                            + "retry it later to get its result.");
                        case CLAIMED:
                        default:
                            crashPoints.reached(CrashPoints.Point.AFTER_CLAIM);
                            exchange.getAttributes().put(IdempotencyClaim.ATTRIBUTE,
                                    new IdempotencyClaim(principal, key, claim.token(), claim.committed()));
                            return run(principal, key, claim.token(), body, exchange, chain);
                    }
                });
    }

    /** Runs the request with the body read from memory and stores its response on the way out. */
    private Mono<Void> run(String principal, String key, String token, byte[] body, ServerWebExchange exchange,
                           WebFilterChain chain) {
        ServerHttpRequest cachedBody = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0 ? Flux.empty()
                        : Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        RecordingResponse response = new RecordingResponse(exchange.getResponse(), principal, key, token);
        return chain.filter(exchange.mutate().request(cachedBody).response(response).build())
                .then(Mono.defer(() -> response.record(EMPTY)))
                .onErrorResume(failure -> response.abandon().then(Mono.error(failure)));
    }

    private Mono<Void> replay(ServerWebExchange exchange, IdempotencyKeys.StoredResponse stored) {
        log.debug("Replaying the stored {} for {} {}", stored.status(), exchange.getRequest().getMethod(),
                exchange.getRequest().getPath());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
        HttpHeaders headers = response.getHeaders();
        if (stored.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, stored.contentType());
        }
        if (stored.location() != null) {
            headers.set(HttpHeaders.LOCATION, stored.location());
        }
        headers.set(REPLAYED_HEADER, "true");
        if (stored.body() == null || stored.body().isEmpty()) {
            return response.setComplete();
        }
        byte[] bytes = stored.body().getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** Captures the response of a claimed request and stores it (or releases the claim) before it is written. */
    private final class RecordingResponse extends ServerHttpResponseDecorator {

        private final String principal;
        private final String key;
        private final String token;
        private final AtomicBoolean settled = new AtomicBoolean();

        RecordingResponse(ServerHttpResponse delegate, String principal, String key, String token) {
            super(delegate);
            this.principal = principal;
            this.key = key;
            this.token = token;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return bytesOf(DataBufferUtils.join(Flux.from(body)))
                    .flatMap(bytes -> record(bytes)
                            .then(Mono.defer(() -> getDelegate().writeWith(Mono.just(bufferFactory().wrap(bytes))))));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).concatMap(Flux::from));
        }

        @Override
        public Mono<Void> setComplete() {
            return record(EMPTY).then(Mono.defer(getDelegate()::setComplete));
        }

        /** Stores the response once; a server error releases the key instead. */
        Mono<Void> record(byte[] body) {
            if (!settled.compareAndSet(false, true)) {
                return Mono.empty();
            }
            HttpStatusCode status = getStatusCode() == null ? HttpStatus.OK : getStatusCode();
            if (status.is5xxServerError()) {
                return release();
            }
            MediaType contentType = getHeaders().getContentType();
            var stored = new IdempotencyKeys.StoredResponse(status.value(),
                    contentType == null ? null : contentType.toString(),
                    getHeaders().getFirst(HttpHeaders.LOCATION),
                    new String(body, StandardCharsets.UTF_8));
            return Mono.fromRunnable(() -> {
                        if (!keys.complete(principal, key, token, stored)) {
                            log.warn("Idempotency-Key {} of {} was taken over before its response was stored",
                                    key, principal);
                        }
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .onErrorResume(failure -> {
                        // the command ran: answer it anyway; a retry within the take-over time gets 409
                        log.error("Could not store the response for Idempotency-Key {} of {}", key, principal,
                                failure);
                        return Mono.empty();
                    })
                    .then();
        }

        /** The request failed without a response to keep: let a retry run it again. */
        Mono<Void> abandon() {
            return settled.compareAndSet(false, true) ? release() : Mono.empty();
        }

        private Mono<Void> release() {
            return Mono.fromRunnable(() -> keys.release(principal, key, token))
                    .subscribeOn(Schedulers.boundedElastic())
                    .onErrorResume(failure -> {
                        log.error("Could not release Idempotency-Key {} of {}", key, principal, failure);
                        return Mono.empty();
                    })
                    .then();
        }
    }
}
