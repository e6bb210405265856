package com.upgradecoordination.devsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.platform.security.AccessPolicy;
import com.upgradecoordination.platform.security.Roles;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Walks a service's access table: every line, every role. A role the line names gets past
 * security (whatever the endpoint then answers to a made-up id and an empty body); every other
 * role gets 403. Nothing is changed: made-up ids do not exist and empty bodies are invalid.
 */
public final class AccessTableWalk {

    /** Stands for every path variable, and is the caller's name, so "own resource" checks pass. */
    private static final String PLACEHOLDER = "access-walk";

    private AccessTableWalk() {
    }

    public static void walk(WebTestClient client, List<AccessPolicy.Rule> rules) {
        for (AccessPolicy.Rule rule : rules) {
            String path = rule.pattern().replace("**", PLACEHOLDER).replace("*", PLACEHOLDER);
            for (String role : Roles.ALL) {
                int status = call(client, rule.method(), path, role);
                if (rule.roles().contains(role)) {
                    assertThat(status).as("%s as %s", rule, role).isNotIn(401, 403);
                } else {
                    assertThat(status).as("%s as %s", rule, role).isEqualTo(403);
                }
            }
        }
    }

    private static int call(WebTestClient client, HttpMethod method, String path, String role) {
        var request = client.method(method).uri(path).headers(TestTokens.bearer(PLACEHOLDER, role));
        var exchange = HttpMethod.GET.equals(method) ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        return exchange.returnResult(String.class).getStatus().value();
    }
}
