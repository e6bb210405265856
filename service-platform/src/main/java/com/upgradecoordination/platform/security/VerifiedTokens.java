package com.upgradecoordination.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the bearer tokens this instance has verified, so a client that sends the same token with
 * every call (a service account, a browser session, until the token expires) pays for the signature
 * check once per {@code timeToLive} instead of on every call. Under load an RSA check was a quarter
 * of coordination-service's CPU (issue 13).
 *
 * <p>Only tokens the verifying decoder accepted are remembered, each until its own expiry or
 * {@code timeToLive}, whichever comes first; a token is never served from here after its {@code exp}.
 * What it gives up: a token whose signing key the identity provider withdrew stays accepted for at
 * most {@code timeToLive} (docs/security.md). A zero {@code timeToLive} verifies every call.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifying;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    private VerifiedTokens(ReactiveJwtDecoder verifying, Duration timeToLive, long maximumSize, Clock clock) {
        this.verifying = verifying;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, timeToLive)))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** The decoder itself when {@code timeToLive} is zero (remember nothing). */
    static ReactiveJwtDecoder around(ReactiveJwtDecoder verifying, Duration timeToLive, long maximumSize,
                                     Clock clock) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("platform.security.verified-tokens.time-to-live must not be negative");
        }
        return timeToLive.isZero() || maximumSize <= 0
                ? verifying
                : new VerifiedTokens(verifying, timeToLive, maximumSize, clock);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && isBeforeExpiry(known)) {
            return Mono.just(known);
        }
        return verifying.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private boolean isBeforeExpiry(Jwt jwt) {
        return jwt.getExpiresAt() == null || clock.instant().isBefore(jwt.getExpiresAt());
    }

    private Duration lifetime(Jwt jwt, Duration timeToLive) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return timeToLive;
        }
        Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
        return untilExpiry.isNegative() ? Duration.ZERO
                : untilExpiry.compareTo(timeToLive) < 0 ? untilExpiry : timeToLive;
    }
}
