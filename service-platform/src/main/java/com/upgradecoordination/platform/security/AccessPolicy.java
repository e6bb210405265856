package com.upgradecoordination.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of who may call what (SPEC S2), read from {@code platform.access.rules}: one line
 * per endpoint, {@code "METHOD /path/pattern = ROLE, ROLE"}. An endpoint missing from the table is
 * refused to everyone. Auditors are read-only: a line that gives AUDITOR anything but GET stops
 * start-up.
 */
public final class AccessPolicy {

    /** One line of the table. The first of its roles that a caller holds is the role the caller acts in. */
    public record Rule(HttpMethod method, String pattern, List<String> roles) {

        private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

        boolean matches(HttpMethod requestMethod, String path) {
            return method.equals(requestMethod) && parsed().matches(PathContainer.parsePath(path));
        }

        PathPattern parsed() {
            return PARSER.parse(pattern);
        }

        public Optional<String> actingRole(Collection<String> heldRoles) {
            return roles.stream().filter(heldRoles::contains).findFirst();
        }

        @Override
        public String toString() {
            return method.name() + " " + pattern + " = " + String.join(", ", roles);
        }
    }

    private final List<Rule> rules;

    private AccessPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static AccessPolicy parse(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalStateException("platform.access.rules is empty: every endpoint needs a line saying "
                    + "which roles may call it");
        }
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            rules.add(parseLine(line));
        }
        return new AccessPolicy(rules);
    }

    private static Rule parseLine(String line) {
        String[] sides = line.split("=", 2);
        String[] endpoint = sides[0].trim().split("\\s+");
        if (sides.length != 2 || endpoint.length != 2) {
            throw new IllegalStateException("Access rule '" + line + "' is not 'METHOD /path = ROLE, ROLE'");
        }
        HttpMethod method = HttpMethod.valueOf(endpoint[0].toUpperCase(java.util.Locale.ROOT));
        List<String> roles = Arrays.stream(sides[1].split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
        if (roles.isEmpty()) {
            throw new IllegalStateException("Access rule '" + line + "' names no role");
        }
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("Access rule '" + line + "' names unknown role " + role
                        + "; the roles are " + Roles.ALL);
            }
        }
        if (roles.contains(Roles.AUDITOR) && !HttpMethod.GET.equals(method)) {
            throw new IllegalStateException("Access rule '" + line + "' lets AUDITOR change something; "
                    + "auditors are read-only");
        }
        Rule rule = new Rule(method, endpoint[1], roles);
        rule.parsed(); // fail at start-up on a malformed pattern
        return rule;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The first rule that covers the request, in table order. */
    public Optional<Rule> ruleFor(HttpMethod method, String path) {
        return rules.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }
}
