package com.upgradecoordination.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** Real RSA-signed tokens through Spring's Nimbus decoder, counting how often a signature is checked. */
class VerifiedTokensTest {

    private static KeyPair issuerKeys;
    private static KeyPair otherKeys;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        issuerKeys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    @Test
    void aTokenSentAgainIsVerifiedOnceAndGivesTheSameClaims() {
        ReactiveJwtDecoder decoder = cachingFor(Duration.ofSeconds(60));
        String token = token(issuerKeys, "casey.csm", clock.instant().plusSeconds(300));

        Jwt first = decoder.decode(token).block();
        Jwt second = decoder.decode(token).block();

        assertThat(second).isSameAs(first);
        assertThat(second.getClaimAsString("preferred_username")).isEqualTo("casey.csm");
        assertThat(verifications).hasValue(1);
        decoder.decode(token(issuerKeys, "pat.proserv", clock.instant().plusSeconds(300))).block();
        assertThat(verifications).as("another token is verified on its own").hasValue(2);
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheTimeToLive() {
        ReactiveJwtDecoder decoder = cachingFor(Duration.ofSeconds(60));
        String token = token(issuerKeys, "casey.csm", clock.instant().plusSeconds(3600));
        decoder.decode(token).block();

        clock.advance(Duration.ofSeconds(59));
        decoder.decode(token).block();
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        decoder.decode(token).block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsNeverAcceptedAfterItsExpiry() {
        ReactiveJwtDecoder decoder = cachingFor(Duration.ofMinutes(10));
        String token = token(issuerKeys, "casey.csm", clock.instant().plusSeconds(30));
        decoder.decode(token).block();

        // past exp and past the verifying decoder's 60 s allowance for clock skew
        clock.advance(Duration.ofSeconds(91));

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).as("checked again by the verifying decoder").hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsRefusedEveryTime() {
        ReactiveJwtDecoder decoder = cachingFor(Duration.ofSeconds(60));
        String forged = token(otherKeys, "mallory", clock.instant().plusSeconds(300));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aZeroTimeToLiveVerifiesEveryCall() {
        ReactiveJwtDecoder verifying = counting(verifyingDecoder());
        ReactiveJwtDecoder decoder = VerifiedTokens.around(verifying, Duration.ZERO, 1000, clock);
        String token = token(issuerKeys, "casey.csm", clock.instant().plusSeconds(300));

        decoder.decode(token).block();
        decoder.decode(token).block();

        assertThat(decoder).isSameAs(verifying);
        assertThat(verifications).hasValue(2);
        assertThatThrownBy(() -> VerifiedTokens.around(verifying, Duration.ofSeconds(-1), 1000, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time-to-live");
    }

    private ReactiveJwtDecoder cachingFor(Duration timeToLive) {
        return VerifiedTokens.around(counting(verifyingDecoder()), timeToLive, 1000, clock);
    }

    private NimbusReactiveJwtDecoder verifyingDecoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withPublicKey((RSAPublicKey) issuerKeys.getPublic()).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setClock(clock);
        decoder.setJwtValidator(expiry);
        return decoder;
    }

    private ReactiveJwtDecoder counting(ReactiveJwtDecoder decoder) {
        return token -> Mono.defer(() -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        });
    }

    private String token(KeyPair keys, String principal, Instant expiresAt) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject(principal).claim("preferred_username", principal)
                    .issueTime(Date.from(clock.instant())).expirationTime(Date.from(expiresAt)).build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cache's and the verifying decoder's clock. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
