package com.upgradecoordination.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the console's page needs to know, served to it as {@code /console/config.json}: nothing of
 * it is a secret, and none of it is hard-coded in the page.
 *
 * @param serviceUrls      base URL of each service whose {@code /audit/...} endpoints the page reads,
 *                         by service name; the serving service itself is named with an empty URL (same origin)
 * @param oidc             the OpenID Connect issuer the page signs in with (authorization code with PKCE)
 * @param pastedTokenSignIn whether the page offers to paste a token (the local run's dev issuer)
 */
@ConfigurationProperties("platform.console")
public record ConsoleProperties(Map<String, String> serviceUrls, Oidc oidc, boolean pastedTokenSignIn) {

    public ConsoleProperties {
        serviceUrls = serviceUrls == null ? Map.of() : new LinkedHashMap<>(serviceUrls);
        oidc = oidc == null ? new Oidc(null, null, null) : oidc;
    }

    /**
     * @param issuer   the issuer URL (its {@code /.well-known/openid-configuration} is read by the page)
     * @param clientId the public client registered for the console
     * @param scope    scopes to ask for; {@code openid} when not set
     */
    public record Oidc(String issuer, String clientId, String scope) {
    }
}
