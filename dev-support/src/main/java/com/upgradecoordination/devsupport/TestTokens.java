package com.upgradecoordination.devsupport;

import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;

/** The one dev issuer of a test JVM: services started by {@link ServiceTestSettings} trust it. */
public final class TestTokens {

    private static final DevTokenIssuer ISSUER = DevTokenIssuer.temporary();

    private TestTokens() {
    }

    public static DevTokenIssuer issuer() {
        return ISSUER;
    }

    /** A valid bearer token for {@code principal} holding {@code roles}. */
    public static String token(String principal, String... roles) {
        return ISSUER.token(principal, roles);
    }

    /** Sets the Authorization header to a valid bearer token, e.g. {@code request.headers(bearer("ada", "AUDITOR"))}. */
    public static Consumer<HttpHeaders> bearer(String principal, String... roles) {
        String token = token(principal, roles);
        return headers -> headers.set("Authorization", "Bearer " + token);
    }
}
