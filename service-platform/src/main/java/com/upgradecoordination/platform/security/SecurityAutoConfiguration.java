package com.upgradecoordination.platform.security;

import com.upgradecoordination.platform.web.ProblemResponses;
import com.upgradecoordination.platform.web.RequestAudit;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every HTTP call is authenticated with a bearer JWT (SPEC S1) and authorised by the service's
 * {@link AccessPolicy} (SPEC S2). The token's issuer is configuration only: point
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}) at the
 * identity provider; without one the service refuses to start.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive."
                + "ReactiveOAuth2ResourceServerAutoConfiguration",
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive."
                    + "ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration"
        })
@EnableWebFluxSecurity
public class SecurityAutoConfiguration {

    private static final String[] PUBLIC_PATHS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info",
        // figures only, no ids or personal data; the ingress does not route /actuator (docs/security.md)
        "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
        // the Kafka contracts (openapi.AsyncApiDocuments)
        "/v3/asyncapi.yaml", "/v3/schemas/**",
        // the auditor's console: its own files only; the page's calls carry the user's bearer token
        "/console", "/console/**"
    };

    /**
     * The service's own lines ({@code platform.access.rules}) followed by the lines of the
     * platform's endpoints every service serves ({@code platform.access.platform-rules}, from
     * service-platform.yml), so a service's table needs no line for them.
     */
    @Bean
    public AccessPolicy accessPolicy(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> serviceRules = binder.bind("platform.access.rules", Bindable.listOf(String.class))
                .orElse(List.of());
        if (serviceRules.isEmpty()) {
            return AccessPolicy.parse(serviceRules);
        }
        List<String> lines = new java.util.ArrayList<>(serviceRules);
        lines.addAll(binder.bind("platform.access.platform-rules", Bindable.listOf(String.class)).orElse(List.of()));
        return AccessPolicy.parse(lines);
    }

    /**
     * Spring Security's firewall refuses URLs it deems dangerous (an encoded slash or NUL, a dot
     * segment, a semicolon ...) before any other filter; by default with an empty 400. This answers
     * that refusal in problem+json like every other bad input (SPEC S3).
     */
    @Bean
    public ServerExchangeRejectedHandler problemJsonForFirewallRejections(JsonMapper jsonMapper) {
        ProblemResponses problems = new ProblemResponses(jsonMapper);
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-input",
                "Invalid input", "The request's URL or headers hold something this service refuses (such as an "
                        + "encoded slash, an encoded NUL, a dot segment or a semicolon); nothing was changed.");
    }

    @Bean
    public SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, AccessPolicy policy,
                                              ObjectProvider<ReactiveJwtDecoder> jwtDecoder, JsonMapper jsonMapper,
                                              ObjectProvider<Clock> clock,
                                              @Value("${platform.security.roles-claim:roles}") String rolesClaim,
                                              @Value("${platform.security.verified-tokens.time-to-live:60s}")
                                              Duration verifiedTokensTimeToLive,
                                              @Value("${platform.security.verified-tokens.maximum-size:1000}")
                                              long verifiedTokensMaximumSize,
                                              @Value("${platform.web.cors.allowed-origins:}") List<String> corsOrigins) {
        ReactiveJwtDecoder verifying = jwtDecoder.getIfAvailable();
        if (verifying == null) {
            throw new IllegalStateException("No JWT issuer is configured. Set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (environment "
                    + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) or ...jwt.jwk-set-uri to your identity "
                    + "provider; the local run uses its own dev issuer (see README).");
        }
        ReactiveJwtDecoder decoder = VerifiedTokens.around(verifying, verifiedTokensTimeToLive,
                verifiedTokensMaximumSize, clock.getIfAvailable(Clock::systemUTC));
        ProblemResponses problems = new ProblemResponses(jsonMapper);
        List<String> origins = corsOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (!origins.isEmpty()) {
            http.cors(cors -> cors.configurationSource(readOnlyCors(origins)));
        }
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(authentication(rolesClaim)))
                        .authenticationEntryPoint((exchange, failure) -> {
                            boolean invalid = failure instanceof InvalidBearerTokenException
                                    || failure.getCause() instanceof InvalidBearerTokenException;
                            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                                    invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
                            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "Authentication required",
                                    invalid ? "The bearer token is not valid: " + failure.getMessage()
                                            : "Send a bearer token (Authorization: Bearer <JWT>).");
                        })
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", "Not allowed", "Your roles do not allow "
                                        + exchange.getRequest().getMethod().name() + " "
                                        + exchange.getRequest().getPath().value())))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(PUBLIC_PATHS).permitAll();
                    for (AccessPolicy.Rule rule : policy.rules()) {
                        exchanges.pathMatchers(rule.method(), rule.pattern())
                                .access((authentication, context) -> decide(rule, authentication, context));
                    }
                    // Not in the table: nobody may call it.
                    exchanges.anyExchange().denyAll();
                });
        return http.build();
    }

    /**
     * Cross-origin reads for the auditor's console when it is served from another origin
     * (coordination-service's, on the local run): only GET, only with a bearer token (no cookies),
     * only from the configured origins; none by default.
     */
    private static CorsConfigurationSource readOnlyCors(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT));
        cors.setExposedHeaders(List.of(HttpHeaders.CONTENT_DISPOSITION, "X-Request-Id", "X-Correlation-Id"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** Grants when the caller holds one of the rule's roles, and remembers which one it acts in. */
    private static Mono<AuthorizationResult> decide(AccessPolicy.Rule rule,
                                                      Mono<org.springframework.security.core.Authentication> authentication,
                                                      AuthorizationContext context) {
        return authentication
                .filter(org.springframework.security.core.Authentication::isAuthenticated)
                .map(auth -> {
                    Set<String> held = roles(auth.getAuthorities());
                    return rule.actingRole(held).map(role -> {
                        context.getExchange().getAttributes().put(RequestAudit.ACTING_ROLE, role);
                        return (AuthorizationResult) new AuthorizationDecision(true);
                    }).orElseGet(() -> new AuthorizationDecision(false));
                })
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toSet());
    }

    /** Principal = {@code preferred_username}, else {@code sub}; authorities = the roles claim. */
    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication(String rolesClaim) {
        return jwt -> {
            List<String> roles = jwt.hasClaim(rolesClaim) ? jwt.getClaimAsStringList(rolesClaim) : List.of();
            List<GrantedAuthority> authorities = roles.stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
            String name = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username")
                    : jwt.getSubject();
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, name));
        };
    }
}
