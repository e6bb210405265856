package com.upgradecoordination.devsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.platform.security.AccessPolicy;
import com.upgradecoordination.platform.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Walks a service's access table as one dynamic test per line and caller: every role, no token,
 * an expired token and a forged one. A role the line names gets past security (whatever the
 * endpoint then answers to a made-up id and an empty body); every other role gets 403; the three
 * bad tokens get 401. Nothing is changed: made-up ids do not exist and empty bodies are invalid.
 */
public final class AccessTableWalk {

    /** Stands for every path variable, and is the caller's name, so "own resource" checks pass. */
    private static final String PLACEHOLDER = "access-walk";

    private AccessTableWalk() {
    }

    public static Stream<DynamicTest> walk(WebTestClient client, List<AccessPolicy.Rule> rules) {
        DevTokenIssuer issuer = TestTokens.issuer();
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessPolicy.Rule rule : rules) {
            String path = rule.pattern().replace("**", PLACEHOLDER).replace("*", PLACEHOLDER);
            for (String role : Roles.ALL) {
                boolean allowed = rule.roles().contains(role);
                tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.pattern() + " as " + role
                        + (allowed ? " is let through" : " is forbidden"), () -> {
                            int status = call(client, rule.method(), path, TestTokens.bearer(PLACEHOLDER, role));
                            if (allowed) {
                                assertThat(status).isNotIn(401, 403);
                            } else {
                                assertThat(status).isEqualTo(403);
                            }
                        }));
            }
            tests.add(unauthenticated(client, rule, path, "without a token", headers -> { }));
            tests.add(unauthenticated(client, rule, path, "with an expired token", headers ->
                    headers.setBearerAuth(issuer.expiredToken(PLACEHOLDER, rule.roles().get(0)))));
            tests.add(unauthenticated(client, rule, path, "with a forged token", headers ->
                    headers.setBearerAuth(issuer.forgedToken(PLACEHOLDER, rule.roles().get(0)))));
        }
        return tests.stream();
    }

    private static DynamicTest unauthenticated(WebTestClient client, AccessPolicy.Rule rule, String path,
                                               String how, Consumer<HttpHeaders> token) {
        return DynamicTest.dynamicTest(rule.method() + " " + rule.pattern() + " " + how + " is 401",
                () -> assertThat(call(client, rule.method(), path, token)).isEqualTo(401));
    }

    private static int call(WebTestClient client, HttpMethod method, String path, Consumer<HttpHeaders> token) {
        var request = client.method(method).uri(path).headers(token);
        var exchange = HttpMethod.GET.equals(method) ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        return exchange.returnResult(String.class).getStatus().value();
    }
}
